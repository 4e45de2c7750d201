import { DirectiveLocation, GraphQLBoolean, GraphQLDirective, GraphQLInt, GraphQLNonNull, GraphQLString, specifiedDirectives } from 'graphql';

/**
 * `@defer` and `@stream` as yoga's defer-stream plugin and its executor read them (same names and
 * arguments; the plugin adds its own only where a schema has none). Declared in the schema itself so
 * `schema.graphql` and the introspection files carry them and client codegen accepts documents using them.
 */
const DeferDirective = new GraphQLDirective({
  name: 'defer',
  description:
    'Delivers this fragment later, in a subsequent payload (HTTP `multipart/mixed` or SSE), so the rest of the answer does not wait for it. ' +
    'Worth it for fields that need upstream calls of their own (an outbound payment’s financial account, `node` lookups). Not allowed in subscriptions.',
  locations: [DirectiveLocation.FRAGMENT_SPREAD, DirectiveLocation.INLINE_FRAGMENT],
  args: {
    if: { type: new GraphQLNonNull(GraphQLBoolean), defaultValue: true, description: 'Deferred when true (the default).' },
    label: { type: GraphQLString, description: 'A name for this fragment’s payload, unique in the operation.' },
  },
});

const StreamDirective = new GraphQLDirective({
  name: 'stream',
  description:
    'Delivers this list’s items after the first `initialCount`, each in a subsequent payload as it is ready (e.g. `nodes(ids:)`, whose ids are fetched one call each). Not allowed in subscriptions.',
  locations: [DirectiveLocation.FIELD],
  args: {
    if: { type: new GraphQLNonNull(GraphQLBoolean), defaultValue: true, description: 'Streamed when true (the default).' },
    label: { type: GraphQLString, description: 'A name for this list’s payloads, unique in the operation.' },
    initialCount: { type: GraphQLInt, defaultValue: 0, description: 'Items sent in the initial payload.' },
  },
});

/** The schema's directives: graphql's own, @defer and @stream. */
export const GATEWAY_DIRECTIVES: readonly GraphQLDirective[] = [...specifiedDirectives, DeferDirective, StreamDirective];
