/** Host names and addresses that reach only this machine (the Host header, HOST, a peer address). */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice('::ffff:'.length) : h;
  return /^127(\.\d{1,3}){3}$/.test(v4);
}

/** The host part of a Host header ("localhost:3978", "[::1]:3978") without its port. */
export function hostOfHeader(header: string): string {
  const value = header.trim();
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1);
  const colon = value.lastIndexOf(':');
  // More than one colon without brackets is a bare IPv6 address, not host:port.
  return colon > 0 && value.indexOf(':') === colon ? value.slice(0, colon) : value;
}
