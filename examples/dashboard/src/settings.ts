/**
 * Trusted documents: every request carries only its document's sha256
 * (`extensions.persistedQuery.sha256Hash`), which a gateway started with
 * TRUSTED_DOCUMENTS=examples/dashboard/src/gql/persisted-documents.json accepts (and the open
 * gateway knows too). `VITE_SEND_DOCUMENT_HASHES=false` when building or starting vite sends
 * full documents instead, for a gateway that was not given the manifest.
 */
export const sendDocumentHashes = import.meta.env.VITE_SEND_DOCUMENT_HASHES !== 'false';

/** The gateway's GraphQL endpoint, on the page's own origin (vite proxies it to the gateway). */
export const graphqlPath = '/graphql';
