// What the tutor noted about the learner in one course: each note editable and deletable, with how
// many moments back it up.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, coursePath } from '../api/client.ts';
import type { ApiMemoryItem } from '../api/types.ts';
import { useApiData } from '../api/use-api-data.ts';
import { Button } from '../ui/button.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { TextAreaField } from '../ui/field.tsx';
import { Skeleton } from '../ui/spinner.tsx';

export function MemoryList({ course }: { course: string }) {
  const { t } = useTranslation('learner');
  const memory = useApiData<{ memory: ApiMemoryItem[] }>(coursePath(course, 'memory'));
  if (memory.error) return <ErrorMessage error={memory.error} onRetry={memory.reload} />;
  if (!memory.data) return <Skeleton lines={3} />;
  const items = memory.data.memory;
  const replace = (next: ApiMemoryItem[]) => memory.setData({ memory: next });
  if (items.length === 0) return <p className="muted">{t('me.memoryEmpty')}</p>;
  return (
    <ul className="memory-list">
      {items.map((item) => (
        <MemoryItem
          key={item.id}
          course={course}
          item={item}
          onChanged={(changed) => replace(items.map((candidate) => (candidate.id === item.id ? changed : candidate)))}
          onDeleted={() => replace(items.filter((candidate) => candidate.id !== item.id))}
        />
      ))}
    </ul>
  );
}

function MemoryItem({ course, item, onChanged, onDeleted }: { course: string; item: ApiMemoryItem; onChanged(item: ApiMemoryItem): void; onDeleted(): void }) {
  const { t, i18n } = useTranslation('learner');
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(item.text);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const path = coursePath(course, 'memory', item.id);

  async function save() {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api<ApiMemoryItem | { memory: ApiMemoryItem } | undefined>(path, { method: 'PATCH', body: { text } });
      const changed = result && 'memory' in result ? result.memory : result && 'id' in result ? result : { ...item, text };
      onChanged(changed);
      setEditing(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!window.confirm(t('me.memoryDeleteConfirm'))) return;
    setBusy(true);
    setError(undefined);
    try {
      await api(path, { method: 'DELETE' });
      onDeleted();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <li className="memory-item">
      {editing ? (
        <>
          <TextAreaField label={t('me.memoryEditLabel')} rows={2} value={text} maxLength={500} onChange={(event) => setText(event.target.value)} autoFocus />
          <div className="button-row">
            <Button variant="primary" size="small" busy={busy} onClick={save} disabled={!text.trim()}>
              {t('common:action.save')}
            </Button>
            <Button
              variant="quiet"
              size="small"
              onClick={() => {
                setText(item.text);
                setEditing(false);
              }}
            >
              {t('common:action.cancel')}
            </Button>
          </div>
        </>
      ) : (
        <>
          <p className="memory-text">{item.text}</p>
          <p className="muted small">
            {t('me.evidence', { count: item.evidence.length })} · {new Date(item.updatedAt).toLocaleDateString(i18n.language)}
          </p>
          <div className="button-row">
            <Button size="small" onClick={() => setEditing(true)} aria-label={t('me.memoryEdit', { text: item.text })}>
              {t('common:action.edit')}
            </Button>
            <Button size="small" variant="danger" busy={busy} onClick={remove} aria-label={t('me.memoryDelete', { text: item.text })}>
              {t('common:action.delete')}
            </Button>
          </div>
        </>
      )}
      <ErrorMessage error={error} />
    </li>
  );
}
