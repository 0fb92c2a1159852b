// The floor of teamWorkload: a bare node:http server, the `pg` driver (pool of 10, as the API) and the same
// set-based statement with the same parameters, answering its rows as they come.
// argv: databaseUrl port; stdin: JSON { sql, params }. Prints "ready" when listening.
'use strict';
const http = require('node:http');
const { Pool } = require('pg');

const [url, port] = process.argv.slice(2);
const pool = new Pool({ connectionString: url, max: 10 });

let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => {
  const { sql, params } = JSON.parse(input);
  http
    .createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', async () => {
        try {
          JSON.parse(Buffer.concat(chunks).toString());
          const { rows } = await pool.query(sql, params);
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { teamWorkload: rows } }));
        } catch (error) {
          res.writeHead(500).end(String(error));
        }
      });
    })
    .listen(Number(port), '127.0.0.1', () => console.log('ready'));
});
