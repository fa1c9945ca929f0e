// The shared loopback test server (tools/testing), by path: @credstat/tools
// depends on core, so core's tests cannot depend on it as a package.
export {
  closedPortUrl,
  type Handler,
  startServer,
} from '../../../../tools/testing/local-server.ts';
