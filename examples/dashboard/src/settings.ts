/**
 * The one switch for trusted documents. Off: every request carries its full document, which any
 * gateway accepts. On (`VITE_SEND_DOCUMENT_HASHES=true` when building or starting vite): requests
 * carry only the document's sha256 (`extensions.persistedQuery.sha256Hash`), for a gateway that
 * has been given src/gql/persisted-documents.json.
 */
export const sendDocumentHashes = import.meta.env.VITE_SEND_DOCUMENT_HASHES === 'true';

/** The gateway's GraphQL endpoint, on the page's own origin (vite proxies it to the gateway). */
export const graphqlPath = '/graphql';
