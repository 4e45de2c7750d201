const currencyFormats = new Map<string, Intl.NumberFormat>();

/** Stripe amounts are in the currency's minor units; Intl knows how many decimals each currency has. */
export function formatMoney(amount: number, currency: string): string {
  const code = currency.toUpperCase();
  let format = currencyFormats.get(code);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency: code });
    currencyFormats.set(code, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(iso: string | null | undefined): string {
  return iso ? dateFormat.format(new Date(iso)) : '—';
}

/** `IN_TRANSIT` → `in transit`; also accepts Stripe's raw lowercase strings. */
export function formatStatus(status: string): string {
  return status.toLowerCase().replace(/_/g, ' ');
}
