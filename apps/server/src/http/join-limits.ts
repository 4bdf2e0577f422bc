/**
 * Joins by code per client address and minute. A whole room joins at once, often behind one venue
 * NAT address: the limit is generous, but it stays on. The live benchmark reads it to know over how
 * many loopback addresses it must spread its simulated phones.
 */
export const JOIN_PER_ADDRESS_PER_MINUTE = 5000;
