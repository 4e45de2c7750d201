import type { EnumRef, FieldRef } from '@pothos/core';
import { builder } from './builder.js';
import { UNRECOGNIZED } from './plugins/open-enums.js';
import { userError } from '../stripe/errors.js';

type Types = typeof builder.$inferSchemaTypes;
type FieldBuilder<Parent> = PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>;

/**
 * How Stripe's open enums reach the schema (the one place this is decided).
 *
 * Stripe adds enum values without a new API version (its SDK types every enum
 * as `'a' | 'b' | OtherString`), and a GraphQL enum that meets a value it does
 * not list fails the whole field. So every Stripe enum here is built by
 * `stripeEnum`, which adds one extra value, `UNRECOGNIZED`; the open-enums plugin
 * (plugins/open-enums.ts) makes every field of such an enum resolve:
 * - a value the schema lists to its enum value (`in_transit` → `IN_TRANSIT`),
 * - any other value to `UNRECOGNIZED` instead of failing the query;
 * and every enum field is built by `stripeEnumFields`, which adds a sibling
 * `<field>Raw: String` that always carries Stripe's string verbatim, so a
 * client can still see (and log) the new value.
 * The sentinel is `UNRECOGNIZED`, not `UNKNOWN` or `OTHER`, because Stripe
 * itself uses `unknown` and `other` as real values (refund failure reasons,
 * outbound-payment return codes). As an argument, `UNRECOGNIZED` is refused
 * with BAD_USER_INPUT (there is nothing to filter on).
 */
export { UNRECOGNIZED };

/** A Stripe enum: the GraphQL enum plus the Stripe values it lists. */
export interface StripeEnum {
  readonly ref: EnumRef<Types, string, string>;
  readonly name: string;
  readonly known: ReadonlySet<string>;
}

/** `in_transit` → `IN_TRANSIT`, `outbound_payments.ach` → `OUTBOUND_PAYMENTS_ACH`. */
export function enumValueName(stripeValue: string): string {
  return stripeValue.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}

/**
 * Declares a GraphQL enum for a Stripe enum. `values` maps each Stripe value
 * (as Stripe spells it) to its description; the enum's internal values are
 * Stripe's strings, so arguments pass straight through to the SDK.
 */
export function stripeEnum(name: string, description: string, values: Readonly<Record<string, string>>): StripeEnum {
  const graphqlValues: Record<string, { value: string; description: string }> = {};
  for (const [stripeValue, valueDescription] of Object.entries(values)) {
    graphqlValues[enumValueName(stripeValue)] = { value: stripeValue, description: valueDescription };
  }
  graphqlValues[UNRECOGNIZED] = {
    value: UNRECOGNIZED,
    description: `A value Stripe sent that this schema does not list yet; the sibling \`…Raw\` field has Stripe's string.`,
  };
  const ref = builder.enumType(name, { description, values: graphqlValues }) as unknown as EnumRef<Types, string, string>;
  return { ref, name, known: new Set(Object.keys(values)) };
}

/** Maps a Stripe value onto the enum: listed values as they are, anything else to UNRECOGNIZED. */
export function toEnumValue(stripeEnum: StripeEnum, value: string): string {
  return stripeEnum.known.has(value) ? value : UNRECOGNIZED;
}

/** An enum argument's value for Stripe; UNRECOGNIZED is not a value Stripe could filter on. */
export function enumArgValue(stripeEnum: StripeEnum, value: string | null | undefined, argument: string): string | undefined {
  if (value == null) return undefined;
  if (value === UNRECOGNIZED) {
    throw userError('BAD_USER_INPUT', `UNRECOGNIZED is not a ${stripeEnum.name} Stripe can filter on.`, { argument });
  }
  return value;
}

/** A property of the parent that holds a Stripe value. */
type StripeKey<Parent> = keyof Parent & string;

interface EnumFieldOptions<Parent> {
  /** The enum field's name; the raw sibling is `${name}Raw`. */
  name: string;
  type: StripeEnum;
  description: string;
  /** The Stripe property holding the value, e.g. 'reconciliation_status'. */
  key: StripeKey<Parent>;
  nullable?: boolean;
}

function rawDescription(name: string): string {
  return `\`${name}\` exactly as Stripe sent it. Read this when \`${name}\` is UNRECOGNIZED (a value newer than this schema).`;
}

/**
 * `{ [name]: Enum, [name + 'Raw']: String }` for a single Stripe enum value; spread into a type's fields.
 * Both expose Stripe's string as it is: the open-enums plugin maps the enum field's value to one the
 * enum lists, or to UNRECOGNIZED, when the object's view is made, so neither field needs a resolver.
 */
export function stripeEnumFields<Parent>(t: FieldBuilder<Parent>, opts: EnumFieldOptions<Parent>): Record<string, FieldRef<Types>> {
  const { name, type, description } = opts;
  const key: string = opts.key;
  const nullable = opts.nullable ?? false;
  // Pothos cannot check a generic parent's property against the field's type: typed as a record of strings.
  const fields = t as unknown as FieldBuilder<Record<string, string>>;
  return {
    [name]: fields.expose(key, { type: type.ref, nullable: nullable as false, description }),
    [`${name}Raw`]: fields.exposeString(key, { nullable: nullable as false, description: rawDescription(name) }),
  };
}

/** Like stripeEnumFields, for a list of Stripe enum values (`[Enum!]` plus `[String!]` raw). */
export function stripeEnumListFields<Parent>(t: FieldBuilder<Parent>, opts: EnumFieldOptions<Parent>): Record<string, FieldRef<Types>> {
  const { name, type, description } = opts;
  const key: string = opts.key;
  const nullable = opts.nullable ?? false;
  const fields = t as unknown as FieldBuilder<Record<string, string[]>>;
  return {
    [name]: fields.expose(key, { type: [type.ref], nullable: nullable as false, description }),
    [`${name}Raw`]: fields.exposeStringList(key, { nullable: nullable as false, description: rawDescription(name) }),
  };
}
