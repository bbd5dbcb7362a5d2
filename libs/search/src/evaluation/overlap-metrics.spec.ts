import { TopicAnswer, outcomeOf, summarise } from './overlap-metrics';

const topic = (topicId: string, found: string[], sibling = true): TopicAnswer => ({
  topicId,
  a: `${topicId}-a`,
  ...(sibling ? { sibling: `${topicId}-sibling` } : {}),
  nearMiss: `${topicId}-near`,
  found,
});

describe('counting a labelled overlap set', () => {
  it('counts a and its sibling as expected, the near miss and other topics as false', () => {
    expect(outcomeOf(topic('t1', ['t1-a', 't1-near', 't2-a', 'unrelated']))).toEqual({
      topicId: 't1',
      truePositives: 1,
      falseNegatives: 1,
      falsePositives: 3,
      nearMissFound: true,
      crossTopic: 2,
      siblingHidden: true,
    });
  });

  it('does not call a sibling hidden when both or neither were found, or there is none', () => {
    expect(outcomeOf(topic('t', ['t-sibling', 't-a'])).siblingHidden).toBe(false);
    expect(outcomeOf(topic('t', [])).siblingHidden).toBe(false);
    expect(outcomeOf(topic('t', ['t-a'], false))).toMatchObject({
      truePositives: 1,
      falseNegatives: 0,
      siblingHidden: false,
    });
  });

  it('counts a record returned twice once', () => {
    expect(outcomeOf(topic('t', ['t-a', 't-a', 'x', 'x']))).toMatchObject({
      truePositives: 1,
      falsePositives: 1,
    });
  });

  it('cuts the answer at `top` when asked', () => {
    const answer = topic('t', ['x', 'y', 't-a', 't-sibling']);
    expect(outcomeOf(answer, 2)).toMatchObject({ truePositives: 0, falsePositives: 2 });
    expect(outcomeOf(answer, 3)).toMatchObject({ truePositives: 1, siblingHidden: true });
  });

  it('cuts a grouped answer at `top` groups: a sibling listed under a finding is found with it', () => {
    const answer = {
      ...topic('t', ['x', 't-a', 't-sibling', 'y']),
      groups: [['x'], ['t-a', 't-sibling'], ['y']],
    };
    expect(outcomeOf(answer, 2)).toMatchObject({
      truePositives: 2,
      falsePositives: 1,
      siblingHidden: false,
    });
    expect(outcomeOf(answer)).toMatchObject({ truePositives: 2, falsePositives: 2 });
  });

  it('pools recall and precision over records and lists topics by id', () => {
    const summary = summarise([
      topic('t1', ['t1-a', 't1-sibling']), // 2 TP
      topic('t2', ['t2-a', 't2-near'], false), // 1 TP, 1 FP (near miss)
      topic('t3', ['t1-a'], false), // 1 FN, 1 FP (cross-topic)
      topic('t4', ['t4-sibling']), // 1 TP, 1 FN, sibling hidden
    ]);
    expect(summary).toEqual({
      topics: 4,
      truePositives: 4,
      falseNegatives: 2,
      falsePositives: 2,
      recall: 0.667,
      precision: 0.667,
      nearMissAlarms: 1,
      crossTopicFindings: 1,
      topicsWithSibling: 2,
      siblingsHidden: 1,
      missed: ['t3', 't4'],
      falseAlarms: ['t2', 't3'],
      nearMissIds: ['t2'],
      crossTopicIds: ['t3'],
      siblingHiddenIds: ['t4'],
    });
  });

  it('gives no precision when nothing was found, and no recall for no topics', () => {
    expect(summarise([topic('t', [], false)])).toMatchObject({ recall: 0, precision: null });
    expect(summarise([])).toMatchObject({ recall: null, precision: null, topics: 0 });
  });
});
