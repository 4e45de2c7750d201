/**
 * Imported first by main.ts, before anything loads graphql: graphql-js picks its
 * development-mode checks (a costly `instanceof` guard on every schema type test) from
 * NODE_ENV when it is imported. `npm start` runs in production mode unless NODE_ENV says otherwise.
 */
process.env.NODE_ENV ??= 'production';
