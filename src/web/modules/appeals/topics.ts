import type { AppealKbEntry, AppealTopic } from './types';

/** The catalogue as the API may send it: a bare array or a page. */
export function topicList(data: AppealTopic[] | { items: AppealTopic[] } | undefined): AppealTopic[] {
  if (!data) return [];
  return Array.isArray(data) ? data : (data.items ?? []);
}

export interface TopicGroup {
  category: string;
  topics: AppealTopic[];
}

/** Topics grouped by category, the groups and the topics in the order the catalogue lists them. */
export function groupTopics(topics: readonly AppealTopic[]): TopicGroup[] {
  const groups: TopicGroup[] = [];
  const byName = new Map<string, TopicGroup>();
  for (const t of topics) {
    let g = byName.get(t.category);
    if (!g) {
      g = { category: t.category, topics: [] };
      byName.set(t.category, g);
      groups.push(g);
    }
    g.topics.push(t);
  }
  return groups;
}

/** Options of the grouped topic picker (antd Select with option groups), searchable by name and description. */
export function topicOptions(topics: readonly AppealTopic[]) {
  return groupTopics(topics).map((g) => ({
    label: g.category,
    title: g.category,
    options: g.topics.map((t) => ({ value: t.code, label: t.name, search: `${t.name} ${t.description}` })),
  }));
}

/** A KB entry's topic name, from the entry or the catalogue. */
export function kbTopicName(
  entry: Pick<AppealKbEntry, 'topicName' | 'topicCode'>,
  topics: readonly AppealTopic[],
): string | null {
  return entry.topicName ?? topics.find((t) => t.code === entry.topicCode)?.name ?? null;
}
