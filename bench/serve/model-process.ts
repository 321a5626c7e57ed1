// Child process of `npm run bench -- serve`: the instant model. An OpenAI-compatible test server
// (startOpenAITestServer) that streams a short tutor reply as soon as a request arrives, in its own
// process so its CPU and memory are counted neither as the server's nor as the load generator's.
// Tells the parent its URL over IPC: { url }.
import { startOpenAITestServer } from '../../src/models/index.js';

/** The reply every tutor call gets: short, a question back, nothing a guard would block. */
export const instantReply = 'Good question. Think of the derivative as how fast the output moves when you nudge the input a little. What happens to f(x) = x squared when x moves from 3 to 3.01?';

const server = await startOpenAITestServer({ respond: () => ({ reply: instantReply, chunkSize: 16 }) });
// The test server keeps every request for assertions; a bench sends hundreds of thousands, so forget them now and then.
const forget = setInterval(() => server.reset(), 5_000);
process.send?.({ url: server.url });
process.on('message', (message: { stop?: boolean }) => {
  if (!message.stop) return;
  clearInterval(forget);
  void server.close().then(() => process.exit(0));
});
