import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatSignature } from '../../conformance/compare-signature.js';
import type { DesignSpec } from './design-types.js';
import { readDesign } from './read-design.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-fixtures/designs');

async function design(name: string): Promise<DesignSpec> {
  const file = path.join(FIXTURES, name, `${name}_technical_design.md`);
  return readDesign(readFileSync(file, 'utf8'), { sourceName: path.basename(file) });
}

function api(spec: DesignSpec, className: string): string[] {
  return spec.classes.find((cls) => cls.name === className)!.methods.map((method) => `${method.name}${formatSignature(method)}`);
}

describe('readDesign: table-first (task_board)', () => {
  it('reads the API table, with keyword-only parameters and the class from the heading', async () => {
    const spec = await design('task_board');
    expect(spec).toMatchObject({ featureName: 'task_board', moduleName: 'service', deliverable: 'task_board_service.py', primaryClass: 'TaskBoard' });
    expect(api(spec, 'TaskBoard')).toEqual([
      '__init__() -> None',
      'add_task(title: str, *, priority: int = DEFAULT_PRIORITY, assignee: Optional[str] = None) -> Dict[str, Any]',
      'move_task(task_id: int, column: str) -> Dict[str, Any]',
      'remove_task(task_id: int) -> Dict[str, Any]',
      'list_column(column: str = "todo") -> Dict[str, Any]',
    ]);
    expect(spec.classes.find((cls) => cls.name === 'TaskBoard')!.methods[1]!.raises).toEqual(['TaskValidationError', 'BoardFullError']);
    expect(spec.functions.map((fn) => `${fn.name}${formatSignature(fn)}@${fn.line}`)).toEqual(['normalize_title(raw: str) -> str@62']);
  });

  it('reads exceptions, codes, the model field table, constants and messages', async () => {
    const spec = await design('task_board');
    expect(spec.exceptions.map((exception) => `${exception.name}(${exception.base}) ${exception.codes.join(',')}`)).toEqual([
      'BoardError(Exception) INTERNAL_ERROR',
      'TaskValidationError(BoardError) TITLE_REQUIRED,TITLE_TOO_LONG,BAD_PRIORITY,BAD_COLUMN',
      'TaskNotFoundError(BoardError) TASK_NOT_FOUND',
      'BoardFullError(BoardError) BOARD_FULL',
    ]);
    expect(spec.models).toMatchObject([{ name: 'Task', kind: 'dataclass', origin: 'table' }]);
    expect(spec.models[0]!.fields.map((field) => `${field.name}: ${field.annotation} = ${field.defaultValue}`)).toEqual([
      'task_id: int = null', 'title: str = null', 'column: str = "todo"', 'priority: int = DEFAULT_PRIORITY', 'assignee: Optional[str] = None',
    ]);
    expect(spec.constants.map((constant) => `${constant.name}=${constant.value}@${constant.line}`)).toEqual([
      'MAX_TITLE_LENGTH=80@12', 'MAX_TASKS=200@13', 'COLUMNS=("todo", "doing", "done")@14', 'DEFAULT_PRIORITY=2@15',
    ]);
    expect(spec.messages.map((message) => `${message.kind}:${message.code ?? message.method}`)).toEqual([
      'error:TITLE_REQUIRED', 'error:TITLE_TOO_LONG', 'error:BAD_PRIORITY', 'error:BAD_COLUMN', 'error:TASK_NOT_FOUND', 'error:BOARD_FULL', 'error:INTERNAL_ERROR',
      'success:add_task', 'success:move_task', 'success:remove_task', 'info:list_column', 'success:list_column',
    ]);
    expect(spec.messages[3]).toMatchObject({ template: "Unknown column '{column}'. Use todo, doing or done.", placeholders: ['column'], line: 43 });
    expect(spec.responseFormat?.keys).toEqual(['success', 'message', 'data']);
    expect(spec.standardLibraryOnly).toBe(true);
    expect(spec.warnings).toEqual([]);
  });
});

describe('readDesign: multi-file layout with Pydantic models (recipe_box)', () => {
  it('merges models.py, exceptions.py and catalog.py into one spec and says so', async () => {
    const spec = await design('recipe_box');
    expect(spec.deliverable).toBe('recipe_box_catalog.py');
    expect(spec.layoutFiles).toEqual(['exceptions.py', 'models.py', 'catalog.py']);
    expect(spec.warnings.map((warning) => warning.kind)).toEqual(['layout']);
    expect(api(spec, 'RecipeCatalog')).toEqual([
      '__init__() -> None',
      'save_recipe(recipe: Recipe, overwrite: bool = False) -> dict[str, Any]',
      'scale_recipe(title: str, servings: int) -> dict[str, Any]',
      'shopping_list(titles: list[str], /, *, merge_units: bool = True) -> dict[str, Any]',
      'import_text(text: str, **options: Any) -> dict[str, Any]',
    ]);
    expect(spec.classes.find((cls) => cls.name === 'RecipeCatalog')!.methods[2]!.raises).toEqual(['RecipeNotFoundError', 'RecipeValidationError']);
  });

  it('reads Pydantic fields, the drawn hierarchy, code globs and declared dependencies; ignores mermaid and file trees', async () => {
    const spec = await design('recipe_box');
    expect(spec.models.map((model) => `${model.name}:${model.kind}:${model.fields.map((field) => field.name).join(',')}`)).toEqual([
      'Ingredient:pydantic:name,quantity,unit', 'Recipe:pydantic:title,servings,ingredients,tags',
    ]);
    expect(spec.exceptions.map((exception) => `${exception.name}(${exception.base})[${exception.codes}] ${exception.defaultCode ?? ''}`)).toEqual([
      'RecipeError(Exception)[] RECIPE_ERROR', 'RecipeValidationError(RecipeError)[TITLE_REQUIRED,INVALID_SERVINGS] ',
      'DuplicateRecipeError(RecipeError)[DUPLICATE_RECIPE] ', 'RecipeNotFoundError(RecipeError)[RECIPE_NOT_FOUND] ',
    ]);
    expect(spec.dependencies.filter((dependency) => dependency.origin !== 'code-import').map((dependency) => `${dependency.name}${dependency.specifier ?? ''}@${dependency.line}`))
      .toEqual(['pydantic>=2.5@24', 'python-slugify@25']);
    expect(spec.dependencies.filter((dependency) => dependency.origin === 'code-import').map((dependency) => dependency.name)).toEqual(['decimal', 'typing']);
    expect(spec.standardLibraryOnly).toBe(false);
    expect(spec.stats).toMatchObject({ pythonBlocks: 3, ignoredBlocks: 2, apiTables: 0, messageTables: 1 });
  });
});

describe('readDesign: near-complete implementations, a disagreeing table, a duplicated section (gym_booking)', () => {
  it('keeps the code block\'s signature and warns which one wins', async () => {
    const spec = await design('gym_booking');
    expect(spec).toMatchObject({ featureName: 'gym_booking', moduleName: 'scheduler', deliverable: 'gym_booking_scheduler.py', primaryClass: 'BookingScheduler' });
    expect(api(spec, 'BookingScheduler')).toEqual([
      '__init__(now: Optional[callable] = None) -> None',
      'add_class(class_id: str, kind: Union[ClassKind, str], starts_at: datetime, capacity: int = 12) -> dict',
      'book(class_id: str, member: str) -> dict',
      'cancel(class_id: str, member: str) -> dict',
      'timetable(day: Optional[date] = None) -> list[list[str]]',
    ]);
    const conflicts = spec.warnings.filter((warning) => warning.kind === 'conflict');
    expect(conflicts.map((warning) => warning.line)).toEqual([76, 77]);
    expect(conflicts[0]!.message).toContain('the code block at line 60 wins');
    expect(spec.classes.find((cls) => cls.name === 'BookingScheduler')!.methods.find((method) => method.name === 'book')!.raises).toEqual(['ClassFullError']);
  });

  it('reads the enum and the dataclass with field defaults', async () => {
    const spec = await design('gym_booking');
    expect(spec.models.map((model) => `${model.name}:${model.kind}:${model.fields.map((field) => field.name).join(',')}`)).toEqual([
      'ClassKind:enum:YOGA,SPIN,BOXING', 'FitnessClass:dataclass:class_id,kind,starts_at,capacity,booked,waitlist',
    ]);
    expect(spec.messages.map((message) => message.kind)).toEqual(['success', 'success', 'warning', 'success']);
  });
});

describe('readDesign: skeleton fragments, loose methods, a broken block (plant_watering)', () => {
  it('attaches methods written outside the class, reads indented excerpts, and names the deliverable from the file name and class', async () => {
    const spec = await design('plant_watering');
    expect(spec).toMatchObject({ featureName: 'plant_watering', moduleName: 'scheduler', deliverable: 'plant_watering_scheduler.py', primaryClass: 'WateringScheduler' });
    expect(api(spec, 'WateringScheduler')).toEqual([
      '__init__(today: Callable[[], date] = date.today)',
      'add_plant(name: str, room: str, days_between: int = 7) -> dict[str, Any]',
      'water(name, when=None)',
      'due_today() -> list[PlantRow]',
      'parse_interval(text: str) -> int',
    ]);
    expect(spec.functions).toEqual([]);
    expect(spec.models.map((model) => `${model.name}:${model.kind}`)).toEqual(['PlantRow:typed-dict', 'WateringEvent:named-tuple']);
  });

  it('warns about the untyped method and the block that does not parse, and still reads what it can', async () => {
    const spec = await design('plant_watering');
    expect(spec.warnings.map((warning) => `${warning.kind}@${warning.line}`)).toEqual(['untyped@44', 'unparseable@61']);
    expect(spec.exceptions.map((exception) => exception.name)).toEqual(['PlantError']);
    expect(spec.messages.map((message) => message.kind)).toEqual([null, 'error', null, null]);
  });
});

describe('readDesign: prose only (newsletter)', () => {
  it('finds no API and says so, without failing', async () => {
    const spec = await design('newsletter');
    expect(spec.featureName).toBe('newsletter');
    expect(spec.deliverable).toBeNull();
    expect(spec.warnings.map((warning) => warning.kind)).toEqual(['no-api', 'naming']);
    expect(spec.stats.ignoredBlocks).toBe(1);
  });
});
