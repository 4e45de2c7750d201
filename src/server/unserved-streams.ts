import { GraphQLError, getOperationAST } from 'graphql';
import { isAsyncIterable, processRegularResult, type Plugin } from 'graphql-yoga';
import { deferOrStreamInDocument, usesDeferOrStream } from './incremental-delivery.js';
import { isGraphQLWsContext } from './ws.js';

/**
 * Ends `result` if it is a stream (a subscription, an incremental answer) that nobody will read:
 * returning its iterator releases the subscription, which would otherwise stay open (and count
 * against the caller's subscriptions) until the process ends.
 */
export function endUnreadStream(result: unknown): void {
  if (isAsyncIterable(result)) void result[Symbol.asyncIterator]().return?.();
}

/** The formats yoga sends a stream in over HTTP: a subscription as SSE; @defer/@stream as SSE or multipart. */
const SUBSCRIPTION_FORMATS = ['text/event-stream'];
const INCREMENTAL_FORMATS = ['text/event-stream', 'multipart/mixed'];

/** True when the request's Accept admits one of `formats`, read as yoga reads it (no q-values; utf-8 only). */
function acceptsAny(request: Request, formats: readonly string[]): boolean {
  const ranges = (request.headers.get('accept') || '*/*').replace(/\s/g, '').toLowerCase().split(',');
  return ranges.some((range) => {
    const [mediaType, ...params] = range.split(';');
    const charset = params.find((param) => param.includes('charset='));
    if (charset !== undefined && charset !== 'charset=utf-8') return false;
    const [type, subtype] = mediaType.split('/');
    return formats.some((format) => {
      const [formatType, formatSubtype] = format.split('/');
      return (type === '*' || type === formatType) && (subtype === '*' || subtype === formatSubtype);
    });
  });
}

const NOT_ACCEPTABLE = 'NOT_ACCEPTABLE';

/** The refusal: what is streamed, the formats it comes in, and what else the caller can do. */
function notAcceptable(what: string, formats: readonly string[], otherwise = ''): GraphQLError {
  const ask = formats.length > 1 ? 'one of them' : 'it';
  return new GraphQLError(`${what} is sent in parts, as ${formats.join(' or ')}, which this request's Accept header does not admit: ask for ${ask} in Accept${otherwise}.`, {
    extensions: { code: NOT_ACCEPTABLE, acceptable: formats, http: { status: 406, headers: { accept: formats.join(', ') } } },
  });
}

/**
 * Streams nobody can read. Over HTTP, an operation whose answer is a stream (a subscription; a
 * query or mutation using @defer or @stream) asked for with an Accept header that admits none of
 * the formats yoga streams in is refused before it executes: 406 with NOT_ACCEPTABLE, instead of
 * yoga's empty 406 after the work (a mutation's included: it would have acted, and its caller been
 * told nothing). In case yoga still finds no format for a stream, the stream is ended: it would
 * otherwise stay open until the process ends. onResultProcess runs after yoga's own result
 * processors (every user plugin's does), so it sees their choice.
 */
export function useUnservedStreams(): Plugin {
  const deferOrStream = deferOrStreamInDocument();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const { request } = args.contextValue as { request?: Request };
      if (!request || isGraphQLWsContext(args.contextValue as object) || acceptsAny(request, INCREMENTAL_FORMATS)) return;
      // Most documents have neither directive: a lookup, before the exact check on the operation that runs.
      if (!deferOrStream(args.document) || !usesDeferOrStream(args.document, args.variableValues ?? {}, args.operationName)) return;
      const operation = getOperationAST(args.document, args.operationName)?.operation ?? 'query';
      setResultAndStopExecution({ errors: [notAcceptable(`A ${operation} using @defer or @stream`, INCREMENTAL_FORMATS, ', or leave the directives out')] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const { request } = args.contextValue as { request?: Request };
      if (!request || isGraphQLWsContext(args.contextValue as object) || acceptsAny(request, SUBSCRIPTION_FORMATS)) return;
      setResultAndStopExecution({ errors: [notAcceptable('A subscription', SUBSCRIPTION_FORMATS)] });
    },
    // The refusal is sent as JSON even when Accept admits no JSON (a subscription asked for as
    // multipart): a 406 may carry any representation, and an empty one tells the caller nothing.
    onResultProcess({ result, resultProcessor, setResult, setResultProcessor }) {
      if (resultProcessor) return;
      if (isAsyncIterable(result)) {
        endUnreadStream(result);
        setResult({ errors: [notAcceptable('This answer', INCREMENTAL_FORMATS)] });
      } else if (Array.isArray(result) || !result.errors?.some((error) => error.extensions?.code === NOT_ACCEPTABLE)) return;
      setResultProcessor(processRegularResult, 'application/json');
    },
  };
}
