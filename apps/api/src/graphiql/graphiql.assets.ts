import { dirname, join } from 'node:path';

export interface GraphiqlAsset {
  file: string;
  contentType: string;
}

const JS = 'text/javascript; charset=utf-8';

function packageFile(name: string, file: string): string {
  return join(dirname(require.resolve(`${name}/package.json`)), file);
}

/**
 * The browser builds GraphiQL needs, served from our own node_modules: Mercurius's built-in page loads
 * them from unpkg, which offices without internet access (and these machines) cannot reach.
 * React 18 is the last with UMD builds, and GraphiQL 3 the last line that ships one.
 */
export const GRAPHIQL_ASSETS = new Map<string, GraphiqlAsset>([
  ['react.production.min.js', { file: packageFile('react', 'umd/react.production.min.js'), contentType: JS }],
  ['react-dom.production.min.js', { file: packageFile('react-dom', 'umd/react-dom.production.min.js'), contentType: JS }],
  ['graphiql.min.js', { file: packageFile('graphiql', 'graphiql.min.js'), contentType: JS }],
  ['graphiql.min.css', { file: packageFile('graphiql', 'graphiql.min.css'), contentType: 'text/css; charset=utf-8' }],
]);
