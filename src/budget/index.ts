/** Spend budgets of a generate run: requests, tokens and estimated cost, checked before every model request. */
export { createSpendBudget, defaultBudgetLimits, describeSpending, BudgetExhaustedError, DEFAULT_REQUESTS_PER_DRAFT } from './spend-budget.js';
export type { BudgetLimits, BudgetName, Spending, SpendBudget, DraftSpend } from './spend-budget.js';
export { budgetedModel } from './budgeted-model.js';
export { resolveBudgetLimits, checkTemperature } from './resolve-budget.js';
export type { BudgetRequest } from './resolve-budget.js';
