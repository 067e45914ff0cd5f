import { describe, expect, it } from 'vitest';
import { reminderText, type TaskReminder } from './reminder-text.js';

const at = new Date('2026-07-01T07:00:00Z');
const item = (nickname: string, task?: TaskReminder['task']): TaskReminder => ({
  userPlantId: nickname,
  nickname,
  sendAt: at,
  task,
});

describe('reminderText', () => {
  it('words one plant’s watering as before care tasks', () => {
    expect(reminderText([item('Monty')])).toEqual({
      title: 'Monty needs water today',
      body: "It's watering day for Monty. Mark it watered in Bloomzy once it has had a drink.",
    });
    expect(reminderText([item('  ')]).title).toBe('Unnamed plant needs water today');
  });

  it('pluralises one task over several plants', () => {
    expect(reminderText([item('Monty'), item('Fern'), item('Pothos')])).toEqual({
      title: '3 plants need water today',
      body: 'Monty, Fern and Pothos are due for watering.',
    });
    expect(reminderText([item('Monty', 'MIST'), item('Fern', 'MIST')]).title).toBe('2 plants would like misting today');
  });

  it('words every task for one plant', () => {
    const titles = (['FERTILIZE', 'REPOT', 'MIST', 'PRUNE', 'ROTATE', 'CLEAN_LEAVES'] as const).map(
      (task) => reminderText([item('Fern', task)]).title,
    );
    expect(titles).toEqual([
      'Fern needs fertilizer today',
      'Fern is ready for a bigger pot',
      'Fern would like misting today',
      'Time to prune Fern',
      'Time to rotate Fern towards the light',
      "Fern's leaves need a wipe today",
    ]);
  });

  it('lists every task of a digest, one clause per task, watering first', () => {
    expect(reminderText([item('Fern', 'FERTILIZE'), item('Monty', 'WATER')])).toEqual({
      title: '2 care tasks for your plants today',
      body: 'Water Monty, fertilize Fern.',
    });
    expect(reminderText([item('Pothos', 'CLEAN_LEAVES'), item('Fern', 'ROTATE')]).body).toBe(
      'Rotate Fern, clean the leaves of Pothos.',
    );
  });
});
