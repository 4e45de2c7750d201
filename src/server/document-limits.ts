import { GraphQLError, Kind, type SelectionSetNode, type ValidationRule } from 'graphql';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { Plugin } from 'graphql-yoga';
import type { DocumentLimits } from '../config.js';

/** The `extensions.code` of each limit's refusal. */
export const LIMIT_CODES = {
  maxLength: 'DOCUMENT_TOO_LONG',
  maxTokens: 'TOO_MANY_TOKENS',
  maxDepth: 'QUERY_TOO_DEEP',
  maxAliases: 'TOO_MANY_ALIASES',
  maxDirectives: 'TOO_MANY_DIRECTIVES',
  maxFields: 'QUERY_TOO_LARGE',
} as const satisfies Record<keyof DocumentLimits, string>;

type ArmorConfig = NonNullable<Parameters<typeof EnvelopArmorPlugin>[0]>;
type RejectCallbacks = NonNullable<NonNullable<ArmorConfig['maxDepth']>['onReject']>;

type LimitCode = (typeof LIMIT_CODES)[keyof typeof LIMIT_CODES];

const REFUSAL_CODES: ReadonlySet<unknown> = new Set(Object.values(LIMIT_CODES));

function refusal(code: LimitCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** graphql-armor's refusal under our code; its messages start with a misleading "Syntax Error: ". */
function recoded(code: LimitCode, error: GraphQLError): GraphQLError {
  return refusal(code, error.message.replace(/^Syntax Error: /, ''));
}

/** Reports armor's refusal as a validation error (HTTP 400, nothing executed) instead of letting armor throw it. */
function reportAs(code: LimitCode): RejectCallbacks {
  return [(context, error) => context?.reportError(recoded(code, error))];
}

/**
 * Refuses an operation that selects more than `max` fields once its fragments are expanded:
 * fragments that each spread the previous one twice stay small as text but double the work
 * with each level (graphql-jit's compilation expands them all). Each fragment is counted once
 * and remembered, so counting takes time linear in the document, however large the expansion.
 */
export function maxFieldsRule(max: number): ValidationRule {
  return (context) => {
    const fragmentFields = new Map<string, number>();
    const fieldsOf = (selectionSet: SelectionSetNode): number => {
      let fields = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) fields += 1 + (selection.selectionSet ? fieldsOf(selection.selectionSet) : 0);
        else if (selection.kind === Kind.INLINE_FRAGMENT) fields += fieldsOf(selection.selectionSet);
        else fields += fieldsOfFragment(selection.name.value);
      }
      return fields;
    };
    const fieldsOfFragment = (name: string): number => {
      const known = fragmentFields.get(name);
      if (known !== undefined) return known;
      // A spread inside its own fragment counts nothing; graphql's NoFragmentCyclesRule refuses the document anyway.
      fragmentFields.set(name, 0);
      const fragment = context.getFragment(name);
      const fields = fragment ? fieldsOf(fragment.selectionSet) : 0;
      fragmentFields.set(name, fields);
      return fields;
    };
    return {
      OperationDefinition(operation) {
        const fields = fieldsOf(operation.selectionSet);
        if (fields > max) {
          context.reportError(refusal(LIMIT_CODES.maxFields, `Field limit of ${max} exceeded, found ${fields} with fragments expanded.`));
        }
        return false;
      },
    };
  };
}

/**
 * Document limits, checked at parse (length, tokens) and validation (the rest), so a refused document
 * is never compiled or executed and costs no upstream call; yoga caches both steps per document,
 * so a document seen before pays nothing. Tokens, depth, aliases and directives are
 * graphql-armor's (which count each fragment once); the field count is `maxFieldsRule`, because
 * armor's cost limit multiplies by `first`/`last` (an upstream-cost estimate, not the document's size).
 */
export function useDocumentLimits(limits: DocumentLimits): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        EnvelopArmorPlugin({
          blockFieldSuggestion: { enabled: false },
          costLimit: { enabled: false },
          // Parsing has no validation context to report to: the refusal is thrown, as a parse error is.
          maxTokens: {
            n: limits.maxTokens,
            onReject: [
              (_, error) => {
                throw recoded(LIMIT_CODES.maxTokens, error);
              },
            ],
          },
          maxDepth: { n: limits.maxDepth, flattenFragments: true, propagateOnRejection: false, onReject: reportAs(LIMIT_CODES.maxDepth) },
          maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: reportAs(LIMIT_CODES.maxAliases) },
          maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: reportAs(LIMIT_CODES.maxDirectives) },
        }) as Plugin,
      );
    },
    // Before yoga's parse cache, which keeps up to 1,024 documents (and parse errors) for an hour,
    // keyed by their text: without this, unique documents of up to 1 MB (the body limit) would pile up there.
    onParse({ params }) {
      const length = params.source.toString().length;
      if (length > limits.maxLength) {
        throw refusal(LIMIT_CODES.maxLength, `Document length limit of ${limits.maxLength} exceeded, found ${length} characters.`);
      }
    },
    onValidate({ addValidationRule }) {
      addValidationRule(maxFieldsRule(limits.maxFields));
    },
    // A refusal is HTTP 400 whatever the Accept header: yoga answers parse and validation errors to an
    // `application/json` client with 200 (as the GraphQL-over-HTTP spec allows), and a client that
    // only looks at the status would take the refusal for an answer.
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !('errors' in result) || !result.errors?.some((e) => REFUSAL_CODES.has(e.extensions?.code))) return;
      setResult({ ...result, extensions: { ...result.extensions, http: { ...result.extensions?.http, status: 400 } } });
    },
  };
}
