// `@credstat/govuk-status-list/validators`: pre-compiled response validators.
import { createResponseValidator } from '@credstat/core/validation';
import { api } from './generated/api.gen.js';
import type { operations } from './generated/types.gen.js';

export type { ValidationIssue, ValidationResult } from '@credstat/core/validation';

/** Checks a body against what the spec documents for (operationId, status). */
export const validateResponse = createResponseValidator<operations>(api);
