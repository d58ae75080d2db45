// Desktop, second start on the same data folder: teacher mode is locked, a wrong PIN
// is refused, the right one opens everything kept; the backup restores from the
// Documents folder and the class is whole after it.
await scenario("teacher mode on the desktop, after a restart", async () => {
  await waitFor("nav.tabbar");
  await click('[data-tab="settings"]');
  await click('[data-action="open-teacher-mode"]');
  await waitFor('[data-teacher-locked="true"]');
  await fill('[data-input="pin"]', "1111");
  await click('[data-action="open-teacher"]');
  await waitFor(".lock .error");
  await fill('[data-input="pin"]', "2468");
  await click('[data-action="open-teacher"]');
  await waitFor('[data-own-quiz="Darbalaukio testas"]');
  // The own quiz is removed, then the backup made on the first run, listed with no
  // file dialog, brings it back.
  await click('[data-own-quiz="Darbalaukio testas"] [data-action="remove-own"]');
  await waitFor('[data-own-quiz="Darbalaukio testas"]', { gone: true });
  await click("[data-restore-file]");
  await click('[data-action="restore-confirm"]');
  await waitFor('[data-action="restore-confirm"]', { gone: true });
  await waitFor('[data-own-quiz="Darbalaukio testas"]');
  check(document.querySelector('[data-backup-result="ok"]'), `after restoring: ${text("[data-backup-result]")}`);
  await click('button[data-class="8B"]');
  await waitFor('[data-pupil="5"]');
  check(count("[data-session]") === 3, `${count("[data-session]")} sessions, not 3`);
  await click('[data-tab="home"]');
  await click('[data-tab="settings"]');
  await click('[data-action="open-teacher-mode"]');
  await waitFor('[data-teacher-locked="true"]');
});
