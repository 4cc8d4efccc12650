import type { Callable } from '../../../../python/callables.js';
import { canonicalName } from '../../../../python/import-bindings.js';
import type { CallFact, PythonModule, ValueFact } from '../../../../python/python-model.js';

/** Queue classes of the standard library; `SimpleQueue` is never bounded. */
const QUEUE_CLASSES = new Set(['queue.Queue', 'queue.LifoQueue', 'queue.PriorityQueue', 'queue.SimpleQueue', 'asyncio.Queue']);
/** Queue methods that cannot fail: sizes, and (on an unbounded queue) adding. */
const QUEUE_QUERIES = new Set(['qsize', 'empty', 'full']);
const QUEUE_PUTS = new Set(['put', 'put_nowait']);

/**
 * What library objects the module's names hold: `self._events = queue.Queue()` in a method of the
 * class, or `_IDS = itertools.count(1)` at module level (and in functions declaring it global).
 * A name bound to anything else as well is unknown. Built once per module, linear in its bindings.
 */
export class LibraryObjects {
  private readonly byModuleName = new Map<string, ValueFact[] | null>();
  private readonly byAttribute = new Map<string, ValueFact[] | null>();

  constructor(module: PythonModule, private readonly imports: ReadonlyMap<string, string>) {
    for (const binding of module.moduleBody.localAssignments) {
      if (binding.key === null && !binding.dynamicKey) this.add(this.byModuleName, binding.name, binding.value);
    }
    for (const fn of [...module.functions, ...module.classes.flatMap((cls) => cls.methods)]) {
      for (const binding of fn.body.localAssignments) {
        if (binding.key === null && fn.body.globalNames.includes(binding.name)) this.add(this.byModuleName, binding.name, binding.value);
      }
    }
    for (const cls of module.classes) {
      for (const method of cls.methods) {
        for (const mutation of method.body.attributeMutations) {
          if (mutation.operation !== 'assign' || !mutation.target.startsWith('self.') || mutation.target.indexOf('.', 5) >= 0) continue;
          this.add(this.byAttribute, `${cls.name}.${mutation.target.slice(5)}`, mutation.value);
        }
      }
    }
  }

  private add(map: Map<string, ValueFact[] | null>, name: string, value: ValueFact | null): void {
    const known = map.get(name);
    if (known === null) return;
    if (!value || value.kind !== 'call' || value.callee === null) map.set(name, null);
    else if (known) known.push(value);
    else map.set(name, [value]);
  }

  /** The library class every binding of `receiver` (`self._queue`, `_IDS`) constructs, with those constructor calls; null when unknown. */
  private constructed(receiver: string, from: Callable): { type: string; calls: ValueFact[] } | null {
    const className = from.owner.className;
    const calls = receiver.startsWith('self.') && className ? this.byAttribute.get(`${className}.${receiver.slice(5)}`)
      : receiver.includes('.') ? undefined : this.byModuleName.get(receiver);
    if (!calls) return null;
    const types = new Set(calls.map((call) => canonicalName(call.callee!, this.imports)));
    return types.size === 1 ? { type: [...types][0]!, calls } : null;
  }

  /**
   * Whether the call is a library call that cannot fail in the form written: `next(_IDS)` on an
   * `itertools.count`, a queue's size queries, and `put`/`put_nowait` on a queue made without a
   * `maxsize` (a bounded queue raises `queue.Full` for `put_nowait` or a `put` with a timeout).
   */
  isSafeCall(call: CallFact, from: Callable): boolean {
    if (call.callee === 'next' && call.arguments.length === 1) {
      const argument = call.arguments[0]!;
      return argument.nodeType === 'identifier' && this.constructed(argument.text, from)?.type === 'itertools.count';
    }
    const dot = call.callee.lastIndexOf('.');
    if (dot < 0) return false;
    const method = call.callee.slice(dot + 1);
    if (!QUEUE_QUERIES.has(method) && !QUEUE_PUTS.has(method)) return false;
    const made = this.constructed(call.callee.slice(0, dot), from);
    if (!made || !QUEUE_CLASSES.has(made.type)) return false;
    if (QUEUE_QUERIES.has(method)) return true;
    const bounded = made.calls.some((constructor) => constructor.arguments.some((argument) => argument.keyword === null || (argument.keyword === 'maxsize' && argument.text !== '0')));
    return !bounded;
  }
}
