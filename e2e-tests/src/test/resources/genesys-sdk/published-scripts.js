// Genesys Cloud's JavaScript SDK, unchanged, against Rapport's gateway: GenesysSdkIT runs this with
//   node published-scripts.js <node_modules> <gateway port> <script name> <unknown script id>
// and the bearer token in RAPPORT_TOKEN, then checks what it prints (one JSON object) against what was published.
const path = require('path');
const [modules, port, scriptName, unknownId] = process.argv.slice(2);
const platformClient = require(path.resolve(modules, 'purecloud-platform-client-v2'));

const client = platformClient.ApiClient.instance;
client.setGateway({ host: '127.0.0.1', protocol: 'http', port: Number(port) });
client.setAccessToken(process.env.RAPPORT_TOKEN);
const scripts = new platformClient.ScriptsApi();

// A rejected call as the SDK reports it by default: Genesys's error body itself.
const failure = (promise) => promise.then(
  (body) => ({ unexpectedSuccess: body }),
  (err) => ({ rejectedWith: err }));

(async () => {
  const listing = await scripts.getScriptsPublished({ pageSize: 25, pageNumber: 1, name: scriptName });
  const id = listing.entities[0].id;
  const [script, variables, inputs, pages] = await Promise.all([
    scripts.getScriptsPublishedScriptId(id),
    scripts.getScriptsPublishedScriptIdVariables(id),
    scripts.getScriptsPublishedScriptIdVariables(id, { input: 'true', type: 'string' }),
    scripts.getScriptsPublishedScriptIdPages(id),
  ]);
  const page = await scripts.getScriptsPublishedScriptIdPage(id, pages[0].id);
  const missing = await failure(scripts.getScriptsPublishedScriptId(unknownId));
  const notImplemented = await failure(scripts.getScriptsPublishedDivisionviews());
  console.log(JSON.stringify({ listing, script, variables, inputs, pages, page, missing, notImplemented }));
})().catch((err) => {
  console.error(err && err.status ? `${err.status} ${JSON.stringify(err.body)}` : err);
  process.exit(1);
});
