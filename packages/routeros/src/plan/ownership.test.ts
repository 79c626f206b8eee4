import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOwnership, type SubscriberRole } from './ownership.js';

const ownership = createOwnership();

describe('ownership markers', () => {
  it('parses subscriber and infrastructure markers, and nothing else', () => {
    expect(ownership.parseComment('isp:sub-1:queue')).toEqual({
      kind: 'subscriber',
      subscriberId: 'sub-1',
      role: 'queue',
    });
    expect(ownership.parseComment('isp:a:b:secret')).toEqual({
      kind: 'subscriber',
      subscriberId: 'a:b',
      role: 'secret',
    });
    expect(ownership.parseComment('isp:infra:suspend-drop')).toEqual({
      kind: 'infrastructure',
      key: 'suspend-drop',
    });
    for (const comment of [
      undefined,
      '',
      'by hand',
      'isp:',
      'isp::queue',
      'isp:x:unknown-role',
      'ISP:x:queue',
      'isp:infra:',
      'isp:a b:queue',
    ]) {
      expect(ownership.parseComment(comment)).toBeNull();
    }
    expect(ownership.ownsName('isp-basic')).toBe(true);
    expect(ownership.ownsName('ispbasic')).toBe(false);
    expect(ownership.ownsName(undefined)).toBe(false);
  });
});

test.prop([
  fc
    .stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,40}$/)
    .filter((s) => s !== 'infra' && !s.startsWith('infra:')),
  fc.constantFrom<SubscriberRole>('queue', 'plan', 'suspend', 'throttle', 'secret', 'user'),
])('a subscriber marker round-trips', (id, role) => {
  expect(ownership.parseComment(ownership.subscriberMarker(id, role))).toEqual({
    kind: 'subscriber',
    subscriberId: id,
    role,
  });
});
