// The rules of credstat's Redocly plugin, by id (`credstat/<id>` in
// redocly.yaml); plugin.mjs loads them for the CLI. Each rule's file says
// exactly what it checks.
import { knownExtensions } from './rules/known-extensions.ts';
import { propertyDescription } from './rules/property-description.ts';
import { retryableSafe } from './rules/retryable-safe.ts';
import { securityDeclared } from './rules/security-declared.ts';
import { session } from './rules/session.ts';
import { sharedErrorSchema } from './rules/shared-error-schema.ts';

export const PLUGIN_ID = 'credstat';

export const rules = {
  session,
  'security-declared': securityDeclared,
  'shared-error-schema': sharedErrorSchema,
  'property-description': propertyDescription,
  'retryable-safe': retryableSafe,
  'known-extensions': knownExtensions,
};

/** The plugin as Redocly takes it, for linting in-process (tests); the CLI loads plugin.mjs. */
export function credstatPlugin() {
  return { id: PLUGIN_ID, rules: { oas3: rules } };
}
