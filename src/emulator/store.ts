import { copyJson } from './copy.js';
import type { AccountStore, StripeObject } from './types.js';

type Balance = AccountStore['balance'];

/** Every account starts with this much available usd (10,000,000.00), so tests need not fund it. */
export const STARTING_BALANCE: Balance = { usd: { available: 1_000_000_000, pending: 0 } };

const PLATFORM = '(platform)';

/**
 * Undo log shared by all account stores of one emulator: a handler (or timer)
 * runs inside `run`; if it throws, every put/delete/balance change it made is
 * undone, so bad input never leaves half a change behind. `run` also
 * serialises mutations, so an async handler never interleaves with another.
 */
export class Transactions {
  private undo: Array<() => void> | null = null;
  private commitHooks: Array<() => void> = [];
  private chain: Promise<unknown> = Promise.resolve();

  get active(): boolean {
    return this.undo !== null;
  }

  record(undo: () => void): void {
    this.undo?.push(undo);
  }

  /** Runs `hook` once the current transaction commits (at once when none is active); dropped on rollback. */
  afterCommit(hook: () => void): void {
    if (this.undo) this.commitHooks.push(hook);
    else hook();
  }

  run<T>(fn: () => T | Promise<T>): Promise<T> {
    const result = this.chain.then(async () => {
      this.undo = [];
      this.commitHooks = [];
      try {
        const value = await fn();
        const hooks = this.commitHooks;
        this.undo = null;
        this.commitHooks = [];
        for (const hook of hooks) hook();
        return value;
      } catch (err) {
        const undo = this.undo ?? [];
        this.undo = null;
        this.commitHooks = [];
        for (let i = undo.length - 1; i >= 0; i--) undo[i]();
        throw err;
      }
    });
    this.chain = result.catch(() => undefined);
    return result;
  }
}

interface Entry {
  obj: StripeObject;
  seq: number;
}

/** One account's objects, copied in and out so callers never hold live state. */
export class MemoryAccountStore implements AccountStore {
  private objects = new Map<string, Entry>();
  private byType = new Map<string, Set<string>>();
  private seq = 0;
  private currentBalance: Balance = copyJson(STARTING_BALANCE);
  private balanceSaved = false;

  constructor(
    readonly account: string | null,
    private readonly tx: Transactions,
  ) {}

  get<T extends StripeObject = StripeObject>(id: string): T | undefined {
    const entry = this.objects.get(id);
    return entry ? (copyJson(entry.obj) as T) : undefined;
  }

  /** Keeps a copy; hands back `obj` itself (the caller's own object, so no second copy is needed). */
  put<T extends StripeObject>(obj: T): T {
    const prev = this.objects.get(obj.id);
    this.tx.record(() => (prev ? this.setEntry(obj.id, prev) : this.removeEntry(obj.id)));
    this.setEntry(obj.id, { obj: copyJson(obj), seq: prev?.seq ?? this.seq++ });
    return obj;
  }

  all<T extends StripeObject = StripeObject>(objectType: string): T[] {
    const ids = this.byType.get(objectType);
    if (!ids) return [];
    const matching = [...ids].map((id) => this.objects.get(id)!);
    matching.sort(newestFirst);
    return matching.map((e) => copyJson(e.obj) as T);
  }

  delete(id: string): boolean {
    const prev = this.objects.get(id);
    if (!prev) return false;
    this.tx.record(() => this.setEntry(id, prev));
    this.removeEntry(id);
    return true;
  }

  /** Objects by id, plus an index by type so `all(type)` does not scan every object. */
  private setEntry(id: string, entry: Entry): void {
    const prev = this.objects.get(id);
    if (prev && prev.obj.object !== entry.obj.object) this.byType.get(prev.obj.object)?.delete(id);
    this.objects.set(id, entry);
    let ids = this.byType.get(entry.obj.object);
    if (!ids) this.byType.set(entry.obj.object, (ids = new Set()));
    ids.add(id);
  }

  private removeEntry(id: string): void {
    const prev = this.objects.get(id);
    if (!prev) return;
    this.objects.delete(id);
    this.byType.get(prev.obj.object)?.delete(id);
  }

  position(id: string): number | undefined {
    return this.objects.get(id)?.seq;
  }

  /** Handlers mutate the returned record in place; inside a transaction the first access saves a copy to restore on rollback. */
  get balance(): Balance {
    if (this.tx.active && !this.balanceSaved) {
      const saved = copyJson(this.currentBalance);
      this.balanceSaved = true;
      this.tx.record(() => {
        this.currentBalance = saved;
        this.balanceSaved = false;
      });
      this.tx.afterCommit(() => (this.balanceSaved = false));
    }
    return this.currentBalance;
  }

  /** Deep copy of every object (insertion order) and the balance. */
  dump(): { objects: StripeObject[]; balance: Balance } {
    return {
      objects: [...this.objects.values()].sort((a, b) => a.seq - b.seq).map((e) => copyJson(e.obj)),
      balance: copyJson(this.currentBalance),
    };
  }

  countByType(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const { obj } of this.objects.values()) counts[obj.object] = (counts[obj.object] ?? 0) + 1;
    return counts;
  }
}

function newestFirst(a: Entry, b: Entry): number {
  return (b.obj.created ?? 0) - (a.obj.created ?? 0) || b.seq - a.seq;
}

export type StoreSnapshot = Record<string, ReturnType<MemoryAccountStore['dump']>>;

/** All account stores of one emulator, created on first use; the platform is keyed '(platform)'. */
export class Stores {
  readonly tx = new Transactions();
  private accounts = new Map<string | null, MemoryAccountStore>();

  account(account: string | null): MemoryAccountStore {
    let store = this.accounts.get(account);
    if (!store) {
      store = new MemoryAccountStore(account, this.tx);
      this.accounts.set(account, store);
    }
    return store;
  }

  snapshot(): StoreSnapshot {
    const out: StoreSnapshot = {};
    // Accounts that were only looked at (no objects yet) are left out, so a refused request leaves the snapshot equal.
    for (const [account, store] of this.accounts) {
      const dump = store.dump();
      if (dump.objects.length) out[account ?? PLATFORM] = dump;
    }
    return out;
  }

  counts(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const [account, store] of this.accounts) out[account ?? PLATFORM] = store.countByType();
    return out;
  }

  reset(): void {
    this.accounts.clear();
  }
}
