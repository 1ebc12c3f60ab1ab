// A TCP port on 127.0.0.1 that nothing listens on now: for a kernel's sockets, or a Jupyter server in a test.
const net = require("net");

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

module.exports = { freePort };
