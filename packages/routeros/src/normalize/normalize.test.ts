import { describe, expect, it } from 'vitest';
import { hostTarget, normaliseAddress } from './address.js';
import { formatBits, parseBits } from './bits.js';
import { normaliseBoolean } from './boolean.js';
import { normaliseDuration, parseDuration } from './duration.js';
import { formatRatePair, normaliseRatePair, parseRatePair } from './rate-pair.js';

describe('normalisers', () => {
  it('parses RouterOS rates to bits', () => {
    expect(parseBits('10M')).toBe(10_000_000);
    expect(parseBits('512k')).toBe(512_000);
    expect(parseBits('1G')).toBe(1_000_000_000);
    expect(parseBits('1.5M')).toBe(1_500_000);
    expect(parseBits('10000000')).toBe(10_000_000);
    expect(parseBits('ten')).toBeNull();
    expect(parseBits('')).toBeNull();
  });

  it('formats bits the short way', () => {
    expect(formatBits(10_000_000)).toBe('10M');
    expect(formatBits(512_000)).toBe('512k');
    expect(formatBits(1_500_000)).toBe('1500k');
    expect(formatBits(1234)).toBe('1234');
  });

  it('normalises rate pairs as printed by v6 and v7', () => {
    expect(normaliseRatePair('10M/20M')).toBe('10000000/20000000');
    expect(normaliseRatePair('10000000/20000000')).toBe('10000000/20000000');
    expect(normaliseRatePair('10M')).toBe('10000000/10000000');
    expect(normaliseRatePair('512k/1M 0/0 0/0 0/0 8 0/0')).toBe('512000/1000000');
    expect(normaliseRatePair('garbage')).toBe('garbage');
    expect(formatRatePair({ uploadBps: 1, downloadBps: 2 })).toBe('1/2');
    expect(parseRatePair('5M/10M')).toEqual({ uploadBps: 5_000_000, downloadBps: 10_000_000 });
    expect(parseRatePair('x/y')).toBeNull();
  });

  it('drops the host prefix of addresses and targets', () => {
    expect(normaliseAddress('10.0.0.42/32')).toBe('10.0.0.42');
    expect(normaliseAddress('10.0.0.42')).toBe('10.0.0.42');
    expect(normaliseAddress('10.0.0.0/24')).toBe('10.0.0.0/24');
    expect(normaliseAddress('10.0.0.1/32, 10.0.0.2/32')).toBe('10.0.0.1,10.0.0.2');
    expect(hostTarget('10.0.0.9')).toBe('10.0.0.9/32');
  });

  it('reads booleans in both spellings', () => {
    expect(normaliseBoolean('yes')).toBe('true');
    expect(normaliseBoolean('true')).toBe('true');
    expect(normaliseBoolean('no')).toBe('false');
    expect(normaliseBoolean('false')).toBe('false');
    expect(normaliseBoolean('maybe')).toBe('maybe');
  });

  it('reads durations in every printed form', () => {
    expect(parseDuration('1d2h3m')).toBe(93780);
    expect(parseDuration('30s')).toBe(30);
    expect(parseDuration('1w2d')).toBe(777600);
    expect(parseDuration('01:02:03')).toBe(3723);
    expect(parseDuration('1d00:00:00')).toBe(86400);
    expect(parseDuration('1d 02:00:00')).toBe(93600);
    expect(parseDuration('1500ms')).toBe(1);
    expect(parseDuration('soon')).toBeNull();
    expect(normaliseDuration('2m')).toBe('120');
    expect(normaliseDuration('soon')).toBe('soon');
  });
});
