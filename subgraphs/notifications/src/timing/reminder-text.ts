/**
 * What a reminder says: one plant and task ("Monty needs water today"), one task for several plants ("3 plants need
 * fertilizer today") or a digest of several tasks ("Water Monty and Fern, fertilize Fern."). Plain text, no markup:
 * every channel shows it as is.
 */
import { CARE_TASKS, type CareTaskName } from '@bloomzy/shared/messaging/topics';
import { digestBody, type DigestReminder } from './digest.js';

interface TaskWords {
  /** Imperative that takes the plants' names: "water", "clean the leaves of". */
  verb: string;
  /** The day, for the body: "watering" → "It's watering day for Monty." */
  gerund: string;
  one: (name: string) => string;
  many: (count: number) => string;
  /** How to tell Bloomzy it is done. */
  done: string;
}

const RECORD_IT = 'Record it in Bloomzy once it is done.';

const WORDS: Record<CareTaskName, TaskWords> = {
  WATER: {
    verb: 'water',
    gerund: 'watering',
    one: (name) => `${name} needs water today`,
    many: (n) => `${n} plants need water today`,
    done: 'Mark it watered in Bloomzy once it has had a drink.',
  },
  FERTILIZE: {
    verb: 'fertilize',
    gerund: 'fertilizing',
    one: (name) => `${name} needs fertilizer today`,
    many: (n) => `${n} plants need fertilizer today`,
    done: RECORD_IT,
  },
  REPOT: {
    verb: 'repot',
    gerund: 'repotting',
    one: (name) => `${name} is ready for a bigger pot`,
    many: (n) => `${n} plants are ready for a bigger pot`,
    done: RECORD_IT,
  },
  MIST: {
    verb: 'mist',
    gerund: 'misting',
    one: (name) => `${name} would like misting today`,
    many: (n) => `${n} plants would like misting today`,
    done: RECORD_IT,
  },
  PRUNE: {
    verb: 'prune',
    gerund: 'pruning',
    one: (name) => `Time to prune ${name}`,
    many: (n) => `Time to prune ${n} plants`,
    done: RECORD_IT,
  },
  ROTATE: {
    verb: 'rotate',
    gerund: 'rotating',
    one: (name) => `Time to rotate ${name} towards the light`,
    many: (n) => `Time to rotate ${n} plants towards the light`,
    done: RECORD_IT,
  },
  CLEAN_LEAVES: {
    verb: 'clean the leaves of',
    gerund: 'leaf-cleaning',
    one: (name) => `${name}'s leaves need a wipe today`,
    many: (n) => `${n} plants need their leaves wiped today`,
    done: RECORD_IT,
  },
};

/** A reminder item: a plant and, unless it is watering, the task due. */
export interface TaskReminder extends DigestReminder {
  task?: CareTaskName;
}

const taskOf = (item: TaskReminder): CareTaskName => item.task ?? 'WATER';
const titleName = (item: DigestReminder): string => item.nickname.trim() || 'Unnamed plant';
const bodyName = (item: DigestReminder): string => item.nickname.trim() || 'your plant';
const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The items by task, in CARE_TASKS order (watering first), each task's items in the given order. */
function byTask<T extends TaskReminder>(items: readonly T[]): [CareTaskName, T[]][] {
  return CARE_TASKS.map((task): [CareTaskName, T[]] => [task, items.filter((i) => taskOf(i) === task)]).filter(
    ([, of]) => of.length > 0,
  );
}

/**
 * Title and body of a reminder covering `items` (at least one). One task: its own wording; several tasks: a title
 * counting the tasks and a body with one clause per task, watering first ("Water Monty and Fern, fertilize Fern.").
 */
export function reminderText(items: readonly TaskReminder[]): { title: string; body: string } {
  const groups = byTask(items);
  const [first] = groups;
  if (!first) return { title: 'Your plants need care today', body: 'Some of your plants are due for care.' };
  if (groups.length === 1) {
    const [task, of] = first;
    const words = WORDS[task];
    const [only] = of;
    if (of.length === 1 && only) {
      return {
        title: words.one(titleName(only)),
        body: `It's ${words.gerund} day for ${bodyName(only)}. ${words.done}`,
      };
    }
    return { title: words.many(of.length), body: `${digestBody(of)} are due for ${words.gerund}.` };
  }
  const clauses = groups.map(([task, of]) => `${WORDS[task].verb} ${digestBody(of)}`);
  return { title: `${items.length} care tasks for your plants today`, body: `${capitalize(clauses.join(', '))}.` };
}
