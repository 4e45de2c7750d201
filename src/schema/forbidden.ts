import type { GraphQLError, GraphQLResolveInfo } from 'graphql';
import { AuthScopeFailureType, type AuthFailure, type ForbiddenResult } from '@pothos/plugin-scope-auth';
import type { Context } from '../context.js';
import { userError } from '../stripe/errors.js';

/** The scopes a failed check wanted. */
function missingScopes(failure: AuthFailure): string[] {
  switch (failure.kind) {
    case AuthScopeFailureType.AuthScope:
    case AuthScopeFailureType.GrantedScope:
      return [failure.scope];
    case AuthScopeFailureType.AllAuthScopes:
    case AuthScopeFailureType.AnyAuthScopes:
      return failure.failures.flatMap(missingScopes);
    default:
      return [];
  }
}

/**
 * scope-auth's refusal as the client sees it: FORBIDDEN naming the scope it lacks (in the message
 * and `extensions.scopes`). The plugin's own error carries its code outside `extensions`, which
 * the gateway's masking would turn into INTERNAL_SERVER_ERROR.
 */
export function forbiddenError(ctx: Context, info: GraphQLResolveInfo, result: ForbiddenResult): GraphQLError {
  const scopes = [...new Set(missingScopes(result.failure))];
  const named = scopes.length ? scopes.map((s) => `\`${s}\``).join(' and ') : 'a scope it lacks';
  return userError('FORBIDDEN', `${info.fieldName} needs the ${named} scope; ${ctx.principal.name} does not have it.`, { scopes });
}
