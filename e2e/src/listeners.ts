// What `ss -ltnp` shows for one process, read from /proc (Linux): the TCP sockets it listens on, as `host:port`
// (`[::]:port` for IPv6). A socket belongs to a process when one of its file descriptors links to `socket:[inode]`.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const LISTEN = '0A';

/** `0100007F:1F90` (IPv4, little-endian words) or a 32-hex-digit IPv6 address with its port → `127.0.0.1:8080`. */
export function procAddress(field: string): string {
  const [hex = '', portHex = ''] = field.split(':');
  const port = Number.parseInt(portHex, 16);
  if (hex.length === 8) {
    const bytes = Buffer.from(hex, 'hex').reverse();
    return `${[...bytes].join('.')}:${port}`;
  }
  // IPv6: four 32-bit words, each in host (little-endian) order.
  const words = hex.match(/.{8}/g) ?? [];
  const bytes = Buffer.concat(words.map((w) => Buffer.from(w, 'hex').reverse()));
  const groups = (bytes.toString('hex').match(/.{4}/g) ?? []).map((g) => g.replace(/^0+(?=.)/, ''));
  const mapped = groups.slice(0, 5).every((g) => g === '0') && groups[5] === 'ffff';
  if (mapped) return `${[...bytes.subarray(12)].join('.')}:${port}`;
  const text = groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
  return `[${text}]:${port}`;
}

function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    let target: string;
    try {
      target = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      continue; // closed meanwhile
    }
    const match = /^socket:\[(\d+)\]$/.exec(target);
    if (match !== null) inodes.add(match[1]!);
  }
  return inodes;
}

/** The TCP addresses process `pid` listens on, sorted. */
export function listeningAddresses(pid: number): string[] {
  const inodes = socketInodes(pid);
  const found: string[] = [];
  for (const table of ['tcp', 'tcp6']) {
    let text: string;
    try {
      text = readFileSync(`/proc/${pid}/net/${table}`, 'utf8');
    } catch {
      continue; // no IPv6 here
    }
    for (const line of text.trim().split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [local, state, inode] = [fields[1] ?? '', fields[3], fields[9] ?? ''];
      if (state === LISTEN && inodes.has(inode)) found.push(procAddress(local));
    }
  }
  return found.sort();
}
