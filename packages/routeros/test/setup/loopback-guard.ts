// Every socket a test opens must go to 127.0.0.1. The real-router suite (ROUTEROS_URL set) is the one exception.
import net from 'node:net';

const ALLOWED = new Set(['127.0.0.1', 'localhost', '::ffff:127.0.0.1']);
const realRouter = process.env['ROUTEROS_URL'];
const realHost = realRouter === undefined ? undefined : new URL(realRouter).hostname;

function hostOf(args: unknown[]): string | undefined {
  const first = args[0];
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: unknown; path?: unknown };
    if (typeof options.path === 'string') return '127.0.0.1';
    return typeof options.host === 'string' ? options.host : 'localhost';
  }
  if (typeof first === 'number' || typeof first === 'string') {
    return typeof args[1] === 'string' ? args[1] : 'localhost';
  }
  return undefined;
}

const original = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const host = hostOf(args);
  if (host !== undefined && !ALLOWED.has(host) && host !== realHost) {
    throw new Error(`tests may only connect to 127.0.0.1 (attempted ${host})`);
  }
  return (original as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
