import { describe, expect, it } from 'vitest';
import { EventBus } from './eventBus';

describe('EventBus', () => {
  it('delivers to every listener until it unsubscribes', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    const off = bus.onAny((event, payload) => seen.push(`${event}:${'state' in payload ? String(payload.state) : ''}`));
    bus.emit('connection.state', { target: 'h:1', state: 'connecting', at: 1 });
    off();
    bus.emit('connection.state', { target: 'h:1', state: 'ready', at: 2 });
    expect(seen).toEqual(['connection.state:connecting']);
    expect(bus.listenerCount).toBe(0);
  });

  it('isolates a throwing listener', () => {
    const bus = new EventBus();
    const seen: number[] = [];
    bus.onAny(() => {
      throw new Error('broken transport');
    });
    bus.onAny((_e, p) => seen.push(p.at));
    bus.emit('connection.state', { target: 'h:1', state: 'closed', at: 7 });
    expect(seen).toEqual([7]);
  });
});

describe('EventBus.on', () => {
  it('gives a typed listener only its own event, until it unsubscribes', () => {
    const bus = new EventBus();
    const targets: string[] = [];
    // The payload is typed from EventMap: no cast, and `target` exists only on connection.state.
    const off = bus.on('connection.state', (payload) => targets.push(`${payload.target}:${payload.state}`));
    bus.emit('profiles.changed', { at: 1 });
    bus.emit('connection.state', { target: 'h:1', state: 'ready', at: 2 });
    expect(bus.listenerCount).toBe(1);
    off();
    bus.emit('connection.state', { target: 'h:1', state: 'closed', at: 3 });
    expect(targets).toEqual(['h:1:ready']);
    expect(bus.listenerCount).toBe(0);
  });

  it('keeps the order listeners were added in, across on and onAny', () => {
    const bus = new EventBus();
    const order: string[] = [];
    bus.onAny(() => order.push('any'));
    bus.on('profiles.changed', () => order.push('typed'));
    bus.onAny(() => order.push('any2'));
    bus.emit('profiles.changed', { at: 1 });
    expect(order).toEqual(['any', 'typed', 'any2']);
  });

  it('does not compile a listener that reads another event’s payload', () => {
    const bus = new EventBus();
    // @ts-expect-error profiles.changed carries `at` only
    bus.on('profiles.changed', (payload) => payload.target);
    // @ts-expect-error the event name must be one of EventMap's
    bus.on('no.such.event', () => undefined);
  });
});
