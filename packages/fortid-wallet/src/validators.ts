// `@credstat/fortid-wallet/validators`: pre-compiled response validators.
import { createResponseValidator } from '@credstat/core/validation';
import { api } from './api.js';
import type { operations } from './generated/types.gen.js';

export type { ValidationIssue, ValidationResult } from '@credstat/core/validation';

/**
 * Checks a body against what the spec documents for (operationId, status), and
 * a consent request's DCQL query against the rules its schema cannot express.
 */
export const validateResponse = createResponseValidator<operations>(api);
