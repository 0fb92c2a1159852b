const ASSETS = '/graphiql/assets';

// Sent as a placeholder: "Bearer " without a token counts as no token, so the page works signed out too.
const DEFAULT_HEADERS = JSON.stringify({ Authorization: 'Bearer ' }, null, 2);

const DEFAULT_QUERY = `# Gesit GraphQL API
#
# Sign in with the login mutation, then paste the access token after "Bearer "
# in the Authorization header (Headers tab below) to call everything else.
`;

/**
 * The GraphiQL page: React, ReactDOM and GraphiQL from our own asset routes, the schema from
 * /graphiql/schema.json, queries to /graphql.
 */
export const GRAPHIQL_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Gesit GraphiQL</title>
    <link rel="stylesheet" href="${ASSETS}/graphiql.min.css" />
    <style>
      body { margin: 0; height: 100vh; }
      #graphiql { height: 100vh; }
    </style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script src="${ASSETS}/react.production.min.js"></script>
    <script src="${ASSETS}/react-dom.production.min.js"></script>
    <script src="${ASSETS}/graphiql.min.js"></script>
    <script>
      fetch('/graphiql/schema.json')
        .then((response) => response.json())
        .then((schema) =>
          ReactDOM.createRoot(document.getElementById('graphiql')).render(
            React.createElement(GraphiQL, {
              fetcher: GraphiQL.createFetcher({ url: '/graphql' }),
              schema,
              defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
              defaultHeaders: ${JSON.stringify(DEFAULT_HEADERS)},
              defaultEditorToolsVisibility: 'headers',
              shouldPersistHeaders: false,
            }),
          ),
        );
    </script>
  </body>
</html>
`;
