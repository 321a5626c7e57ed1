// HTML of the course preview: lessons rendered as a learner sees them, exercises without keys,
// and the check results a teacher needs while writing.
import { formatDiagnostic, renderMarkdown, type CompileResult, type PublicExercise, type PublicLesson } from '../../course/index.js';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function pageShell(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Primer preview</title>
<link rel="stylesheet" href="/_assets/katex/katex.min.css"><link rel="stylesheet" href="/_assets/highlight.css">
<style>
body{font:17px/1.6 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem 1.25rem 4rem;color:#1d1d1f}
nav{font-size:.9rem;margin-bottom:1rem} nav a{margin-right:.75rem}
pre{background:#f6f8fa;padding:.75rem;border-radius:6px;overflow:auto} code{font-size:.9em}
section.worked-example,section.explanation{border-left:4px solid #2b6cb0;background:#f3f8fd;padding:.25rem 1rem;margin:1rem 0}
section.explanation{border-color:#8a6d3b;background:#fbf8f1} .kind{font-weight:600;margin-bottom:0} .label{font-style:italic;margin-top:0}
.exercise{border:1px solid #ccd;border-radius:8px;padding:.25rem 1rem .75rem;margin:1.5rem 0;background:#fff}
.exercise header{font-size:.8rem;color:#555;text-transform:uppercase;letter-spacing:.04em;margin-top:.5rem}
.exercise label{display:block} .hints li{color:#444} .diagnostics{background:#fff5f5;border:1px solid #f5c2c2;padding:.5rem 1rem;border-radius:6px;white-space:pre-wrap;font:13px/1.5 ui-monospace,monospace}
.diagnostics.ok{background:#f0fff4;border-color:#b7e4c7} .template-var{background:#fff3bf;border-radius:3px;padding:0 .2em}
</style></head><body>${body}
<script>new EventSource('/_events').addEventListener('reload',()=>location.reload())</script>
</body></html>`;
}

export function indexPage(result: CompileResult): string {
  const course = result.bundle?.public;
  const diagnostics = result.diagnostics.length
    ? `<pre class="diagnostics">${escapeHtml(result.diagnostics.map(formatDiagnostic).join('\n'))}</pre>`
    : '<p class="diagnostics ok">Course files: no problems. (<code>primer course check</code> also checks every template and runs the code solutions.)</p>';
  if (!course) return pageShell('Course has errors', `<h1>The course does not build yet</h1>${diagnostics}`);
  const lessons = course.lessons
    .map((l) => `<li><a href="/lessons/${l.id}">${escapeHtml(l.title)}</a> · ${l.minutes} min · ${l.blocks.filter((b) => b.kind === 'exercise').length} exercises inline</li>`)
    .join('');
  const skills = course.course.skills.map((s) => `<li><b>${escapeHtml(s.title)}</b> (${s.id})${s.prerequisites.length ? ` ← ${s.prerequisites.join(', ')}` : ''}</li>`).join('');
  return pageShell(course.course.title, `<h1>${escapeHtml(course.course.title)}</h1>
<p>${escapeHtml(course.course.description ?? '')}</p>${diagnostics}
<h2>Lessons</h2><ol>${lessons}</ol>
<h2>Practice outside lessons</h2><p>${course.exercises.filter((e) => !course.lessons.some((l) => l.blocks.some((b) => b.kind === 'exercise' && b.exercise === e.id))).length} exercises in exercises/*.yaml, shown at the end of their lesson.</p>
<h2>Skills</h2><ul>${skills}</ul><p>${course.chunks.length} retrieval chunks · version ${course.hash.slice(0, 12)}</p>`);
}

export function lessonPage(result: CompileResult, lesson: PublicLesson): string {
  const course = result.bundle!.public;
  const byId = new Map(course.exercises.map((e) => [e.id, e]));
  const inline = new Set(lesson.blocks.flatMap((b) => (b.kind === 'exercise' ? [b.exercise] : [])));
  const practice = course.exercises.filter((e) => e.lesson === lesson.id && !inline.has(e.id));
  const lessonByFile = new Map(course.lessons.map((l) => [l.file.replace(/^lessons\//, ''), l.id]));
  const linkLessons = (html: string) =>
    html.replace(/href="(?:\.\/)?([^"/#]+\.md)(#[^"]*)?"/g, (link, file: string, anchor = '') => (lessonByFile.has(file) ? `href="/lessons/${lessonByFile.get(file)}${anchor}"` : link));
  const body = lesson.blocks.map((b) => (b.kind === 'markdown' ? linkLessons(renderMarkdown(b.text)) : exerciseHtml(byId.get(b.exercise)!))).join('\n');
  const index = course.lessons.indexOf(lesson);
  const previous = course.lessons[index - 1];
  const next = course.lessons[index + 1];
  const nav = `<nav><a href="/">← Course</a>${previous ? `<a href="/lessons/${previous.id}">‹ ${escapeHtml(previous.title)}</a>` : ''}${next ? `<a href="/lessons/${next.id}">${escapeHtml(next.title)} ›</a>` : ''}</nav>`;
  const practiceHtml = practice.length ? `<h2>Practice</h2>${practice.map(exerciseHtml).join('\n')}` : '';
  return pageShell(lesson.title, `${nav}${body}${practiceHtml}`);
}

function exerciseHtml(exercise: PublicExercise): string {
  const prompt = renderMarkdown(exercise.prompt).replace(/\{\{\s*(\w+)\s*\}\}/g, '<span class="template-var">$1</span>');
  const name = `answer-${exercise.id}`;
  let answer: string;
  switch (exercise.type) {
    case 'choice':
      answer = exercise.choices
        .map((c) => `<label><input type="${exercise.multiple ? 'checkbox' : 'radio'}" name="${name}" value="${c.id}"> ${c.id}. ${renderMarkdown(c.text).replace(/^<p>|<\/p>$/g, '')}</label>`)
        .join('');
      break;
    case 'numeric':
      answer = `<input name="${name}" inputmode="decimal" aria-label="Your answer">${exercise.unit ? ` ${escapeHtml(exercise.unit)}` : ''}`;
      break;
    case 'expression':
      answer = `<input name="${name}" aria-label="Your expression"> <small>in ${exercise.variables.join(', ')}${exercise.form === 'any' ? '' : `, ${exercise.form} form`}</small>`;
      break;
    case 'text':
      answer = `<input name="${name}" aria-label="Your answer">`;
      break;
    case 'free-response':
      answer = `<textarea name="${name}" rows="4" cols="60" aria-label="Your answer"></textarea><details><summary>Rubric</summary><ul>${exercise.rubric.map((r) => `<li>${escapeHtml(r.criterion)} (${r.points})</li>`).join('')}</ul></details>`;
      break;
    case 'code':
      answer = `<pre><code class="language-${exercise.language}">${escapeHtml(exercise.starter)}</code></pre><p>Hidden tests: ${exercise.tests.map((t) => escapeHtml(t.name)).join(' · ')}</p>`;
      break;
  }
  const hints = exercise.hints.map((h) => `<li>${renderMarkdown(h.text)}</li>`).join('');
  const revealing = exercise.revealingHintRungs.length ? `<li><i>rung ${exercise.revealingHintRungs.join(', ')} reveals the answer (after ${exercise.minAttempts} attempts)</i></li>` : '';
  return `<div class="exercise" id="exercise-${exercise.id}"><header>${exercise.type}${exercise.type === 'choice' && exercise.multiple ? ' (pick all)' : ''} · ${exercise.id} · difficulty ${exercise.difficulty} · skills ${exercise.skills.join(', ')}</header>
${prompt}${answer}<details class="hints"><summary>Hints (${exercise.hintCount})</summary><ol>${hints}${revealing}</ol></details></div>`;
}
