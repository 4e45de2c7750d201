/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** `true`: send document hashes only (see src/settings.ts). */
  readonly VITE_SEND_DOCUMENT_HASHES?: string;
}
