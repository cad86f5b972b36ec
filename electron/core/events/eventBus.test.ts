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
