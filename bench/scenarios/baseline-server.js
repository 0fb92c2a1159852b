// The bare node:http server the baselines answer on, so that each baseline holds only its own work.
'use strict';
const http = require('node:http');

/**
 * Reads the JSON the bench writes to stdin and passes it to `start`, which returns the users by token and
 * `answer(body, userId)`. Then listens on 127.0.0.1:`port`, answers each POST from a known token with
 * `{ data: await answer(body, userId) }` (401 for an unknown one) and prints "ready".
 */
function serveBaseline(port, start) {
  let input = '';
  process.stdin.on('data', (c) => (input += c));
  process.stdin.on('end', async () => {
    const { users, answer } = await start(JSON.parse(input));
    http
      .createServer((req, res) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', async () => {
          try {
            // The body is read and parsed, as a GraphQL server must.
            const body = JSON.parse(Buffer.concat(chunks).toString());
            const userId = users.get((req.headers.authorization ?? '').slice(7));
            if (!userId) {
              res.writeHead(401).end();
              return;
            }
            res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: await answer(body, userId) }));
          } catch (error) {
            res.writeHead(500).end(String(error));
          }
        });
      })
      .listen(Number(port), '127.0.0.1', () => console.log('ready'));
  });
}

module.exports = { serveBaseline };
