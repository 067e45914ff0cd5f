/** Subscribes the reminder engine to the event streams it consumes (one consumer group shared by all instances). */
import type { Consumer, EventBus } from '@bloomzy/shared/messaging/event-bus';
import { CARE_SCHEDULE_TOPIC, CARE_TIP_TOPIC, USER_PROFILE_TOPIC } from '@bloomzy/shared/messaging/topics';
import type { NotificationsRuntime } from '../runtime.js';
import { applyCareScheduleEvents } from './care-schedule-consumer.js';
import { applyCareTipEvent } from './care-tip-consumer.js';
import { applyUserProfileEvent } from './user-profile-consumer.js';

const CONSUMER_GROUP = 'notifications';

export function startEventConsumers(events: EventBus, runtime: NotificationsRuntime): Consumer {
  // Handlers throw only on infrastructure failures (database down); the bus then redelivers, which is safe because
  // applying an event twice changes nothing.
  const consumers = [
    // In batches: a user's events that arrive together are re-planned once (care-schedule-consumer.ts).
    events.consumeBatches(CARE_SCHEDULE_TOPIC, CONSUMER_GROUP, (batch) => applyCareScheduleEvents(runtime, batch)),
    events.consume(
      USER_PROFILE_TOPIC,
      CONSUMER_GROUP,
      async (event) => void (await applyUserProfileEvent(runtime, event)),
    ),
    events.consume(CARE_TIP_TOPIC, CONSUMER_GROUP, async (event) => void (await applyCareTipEvent(runtime, event))),
  ];
  return { stop: async () => void (await Promise.all(consumers.map((c) => c.stop()))) };
}
