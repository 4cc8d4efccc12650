import { describe, expect, it } from 'vitest';
import { classDiagramStubs, pythonFromClassDiagram } from './class-diagram.js';

describe('class diagrams as Python stubs, line for line', () => {
  it('reads a Mermaid classDiagram: operations, ~generics~, records and inheritance arrows', () => {
    const code = ['classDiagram', '  class Shed {', '    -dict~str, Tool~ tools', '    +lend(tool_id: str, days: int) Loan', '    +overdue(today: date) List~Loan~', '  }', '  class Tool {', '    +str tool_id', '    +int weight', '  }', '  class ShedError', '  ShedError --|> Exception'].join('\n');
    expect(pythonFromClassDiagram(code)!.split('\n')).toEqual([
      '', 'class Shed:', '', '    def lend(self, tool_id: str, days: int) -> Loan: ...', '    def overdue(self, today: date) -> List[Loan]: ...', '',
      'class Tool:', '    tool_id: str', '    weight: int', '', 'class ShedError(Exception): ...', '',
    ]);
  });

  it('reads PlantUML: "name : type" members, "<<exception>>" and "Base <|-- Child"', () => {
    const code = ['@startuml', 'class Booker {', '  + book(swimmer : str, lane : int = 1) : str', '}', 'class BookError <<exception>>', 'class Taken', 'BookError <|-- Taken', '@enduml'].join('\n');
    expect(pythonFromClassDiagram(code)!.split('\n')).toEqual([
      '', 'class Booker:', '    def book(self, swimmer: str, lane: int = 1) -> str: ...', '', 'class BookError(Exception): ...', 'class Taken(BookError): ...', '', '',
    ]);
  });

  it('reads a UML box drawn with +---+ and |', () => {
    const code = ['+----------------+', '|    Register    |', '+----------------+', '| - names: list  |', '+----------------+', '| + enrol(self, singer: str) -> None |', '+----------------+'].join('\n');
    expect(pythonFromClassDiagram(code)!.split('\n')).toEqual(['', 'class Register:', '', '', '', '    def enrol(self, singer: str) -> None: ...', '']);
  });

  it('reads Mermaid members written outside the body, an annotation line, and a class declared by its members alone', () => {
    const code = ['classDiagram', '  class Kiosk', '  <<service>> Kiosk', '  Kiosk : +deposit(packet: str) int', '  Kiosk : +slots() list~int~', '  Kiosk --> Slot', '  Slot : +int number', '  Slot : +str packet'].join('\n');
    expect(pythonFromClassDiagram(code)!.split('\n')).toEqual([
      '', '', 'class Kiosk:', '    def deposit(self, packet: str) -> int: ...', '    def slots(self) -> list[int]: ...', 'class Slot:', '    number: int', '    packet: str',
    ]);
  });

  it('reads a PlantUML enum block and a {static} operation (no self)', () => {
    const code = ['@startuml', 'enum Machine {', '  WASHER', '  DRYER', '}', 'class Rota <<service>> {', '  +{static} hours(): range', '}', '@enduml'].join('\n');
    expect(pythonFromClassDiagram(code)!.split('\n')).toEqual([
      '', 'class Machine(Enum):', "    WASHER = 'WASHER'", "    DRYER = 'DRYER'", '', 'class Rota:', '    def hours() -> range: ...', '', '',
    ]);
  });

  it('is null for blocks that are no class diagram', () => {
    expect(pythonFromClassDiagram('flowchart LR\n  A --> B')).toBeNull();
    expect(pythonFromClassDiagram('+-- src\n|   +-- main.py')).toBeNull();
    expect(pythonFromClassDiagram('x = 1')).toBeNull();
  });

  it('takes linear time on a huge diagram and on long member lines', () => {
    const many = ['classDiagram', ...Array.from({ length: 10000 }, (_, index) => `class C${index} {\n  +m${index}(a: int, b: str) int\n}\nC${index} <|-- D${index}`)].join('\n');
    const long = `classDiagram\nclass A {\n  +m(${'a: int, '.repeat(20000)}) int\n  ${'x'.repeat(100000)}(\n}`;
    const started = process.hrtime.bigint();
    expect(pythonFromClassDiagram(many)).not.toBeNull();
    expect(pythonFromClassDiagram(long)).not.toBeNull();
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(3000);
  });

  it('groups Mermaid members that alternate between classes after the block, each with its own line', () => {
    const code = ['classDiagram', 'A : +f(x int) int', 'B : +g(y str) None', 'A : +h() None', 'Base <|-- Child'].join('\n');
    const stubs = classDiagramStubs(code)!;
    // A's members are interleaved with B's: A is written after the block; B, in one run, stays in place.
    expect(stubs.text.split('\n')).toEqual(['', 'class B:', '    def g(self, y: str) -> None: ...', '', 'class Child(Base): ...', 'class A:', '    def f(self, x: int) -> int: ...', '    def h(self) -> None: ...']);
    expect(stubs.lineOf).toEqual([0, 1, 2, 3, 4, 1, 1, 3]);
  });

  it('reads parameters written name first (`price int`, `wallet Wallet`) and type first (`int price`)', () => {
    const code = ['classDiagram', 'class Till {', '  +buy(wallet Wallet, count int) int', '  +pay(int amount, Decimal tip) None', '}'].join('\n');
    expect(pythonFromClassDiagram(code)!.split('\n')[2]).toBe('    def buy(self, wallet: Wallet, count: int) -> int: ...');
    expect(pythonFromClassDiagram(code)!.split('\n')[3]).toBe('    def pay(self, amount: int, tip: Decimal) -> None: ...');
  });
});
