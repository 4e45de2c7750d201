import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { formatMoney } from '../format';
import type { UserErrorFieldsFragment } from '../gql/graphql';
import { StatusBadge } from './StatusBadge';

/** The union member a mutation returned is one of its typed failures (they all implement UserError). */
export function isUserError<T extends { __typename?: string }>(outcome: T): outcome is T & UserErrorFieldsFragment {
  return 'code' in outcome && 'message' in outcome;
}

/**
 * A refused action, as the gateway typed it: the message meant for a person, the stable code, and
 * what the user can act on (the object's current status, the largest amount allowed, the bad field).
 */
export function UserErrorNotice({ action, error, currency }: { action: string; error: UserErrorFieldsFragment; currency?: string }) {
  const currentStatus = ('payoutStatus' in error && error.payoutStatus) || ('refundStatus' in error && error.refundStatus) || null;
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{action} refused.</strong> {error.message}
      </p>
      <p className="notice-meta">
        <code>{error.code}</code>
        {currentStatus && (
          <span>
            current status <StatusBadge status={currentStatus} />
          </span>
        )}
        {'maxAmount' in error && error.maxAmount != null && currency && <span>at most {formatMoney(error.maxAmount, currency)}</span>}
        {'field' in error && <span>field <code>{error.field}</code></span>}
        {'id' in error && <span>id <code>{error.id}</code></span>}
      </p>
    </div>
  );
}

/** A request that failed as a whole (network, rate limit, a bad document): its message and code. */
export function RequestErrorNotice({ error }: { error: CombinedError }) {
  const codes = error.graphQLErrors.map((e) => e.extensions?.code).filter((c): c is string => typeof c === 'string');
  return (
    <div className="notice notice-error" role="alert">
      <p>{error.message}</p>
      {codes.length > 0 && (
        <p className="notice-meta">
          {codes.map((c) => (
            <code key={c}>{c}</code>
          ))}
        </p>
      )}
    </div>
  );
}

export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice-ok" role="status">
      {children}
    </div>
  );
}
