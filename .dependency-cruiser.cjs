/** Module boundaries of DESIGN.md, checked by `npm run lint`. */
const core = '^src/(course|exercise|learner|tutor)/';
module.exports = {
  forbidden: [
    {
      name: 'core-stays-pure',
      comment: 'course, exercise, learner and tutor never import store, server, cli, eval or React.',
      severity: 'error',
      from: { path: core },
      to: { path: ['^src/(store|server|cli|eval)/', '^node_modules/react', '^web/'] },
    },
    {
      name: 'course-imports-nothing-outside-core',
      comment: 'course/ is the base of the core: it imports no other Primer module.',
      severity: 'error',
      from: { path: '^src/course/' },
      to: { path: '^src/(?!course/)[^/]+/' },
    },
    {
      name: 'exercise-and-learner-import-only-course',
      severity: 'error',
      from: { path: '^src/(exercise|learner)/' },
      to: { path: '^src/(?!(course|exercise|learner)/)[^/]+/' },
    },
    {
      name: 'import-a-module-through-its-index',
      comment: "Another module's index.ts is its public face; reach inside only your own folder.",
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/([^/]+)/.+', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$', '/__fixtures__/'] }, // test fixtures are shared by test kits
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
