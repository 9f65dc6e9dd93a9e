import { demoLogins, demoPassword, expect, test } from './fixtures.ts';

test.describe('logging in and out', () => {
  test('a failed login says so, in Swedish', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel('E-postadress').fill('ingen.sadan@tanum.demo');
    await page.getByLabel(/^Lösenord/).fill('fel-losenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByRole('alert')).toHaveText('Fel e-postadress eller lösenord');
    await expect(page).toHaveURL(/\/login/);
  });

  test('logging in with the keyboard only, skipping to the content, and logging out', async ({ page, loginAs }) => {
    // The language is stored with the login, and another spec in this worker may have left it in
    // English: loginAs sets it back to Swedish.
    await loginAs('administrator');
    await page.goto('/people');
    await expect(page).toHaveURL(/\/login\?redirect=/);
    await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();

    // Tab from the top of the page to the e-mail field, type, and submit with Enter.
    const email = page.getByLabel('E-postadress');
    for (let presses = 0; presses < 10 && !(await email.evaluate((element) => element === document.activeElement)); presses++) {
      await page.keyboard.press('Tab');
    }
    await expect(email).toBeFocused();
    await page.keyboard.type(demoLogins.administrator);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(/^Lösenord/)).toBeFocused();
    await page.keyboard.type(demoPassword);
    await page.keyboard.press('Enter');

    // Back where the user was going.
    await expect(page).toHaveURL(/\/people$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Medarbetare' })).toBeVisible();

    // The skip link is the first stop, becomes visible with focus, and moves focus to <main>.
    // A fresh load puts the keyboard at the top of the document.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Medarbetare' })).toBeVisible();
    const skipLink = page.getByRole('link', { name: 'Hoppa till innehållet' });
    await expect(skipLink).not.toBeInViewport();
    await page.keyboard.press('Tab');
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();

    // Focus is visible: the next control gets an outline.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);

    // Open the user menu and log out with the keyboard.
    const userMenu = page.getByRole('button', { name: /Användarmeny för/ });
    await userMenu.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: 'Logga ut', exact: true })).toBeVisible();
    await page.getByRole('menuitem', { name: 'Logga ut', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/departments');
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe('an employee', () => {
  test('sees no administration and gets the not-found page at an administrator address', async ({ loginAs }) => {
    const page = await loginAs('employee');
    await page.goto('/');
    const navigation = page.getByRole('navigation', { name: 'Huvudmeny' });
    await expect(navigation.getByRole('link', { name: 'Översikt' })).toBeVisible();
    await expect(navigation.getByRole('link', { name: 'Medarbetare' })).toBeVisible();
    await expect(navigation.getByRole('link', { name: 'Roller' })).toHaveCount(0);
    await expect(navigation.getByRole('link', { name: 'Händelselogg' })).toHaveCount(0);

    for (const path of ['/roles', '/audit-log', '/no-such-page']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible();
    }

    // Nor are there buttons for what the server would refuse.
    await page.goto('/departments');
    await expect(page.getByRole('heading', { level: 1, name: 'Förvaltningar' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Ny förvaltning' })).toHaveCount(0);
    await page.goto('/people');
    await expect(page.getByRole('button', { name: 'Ny medarbetare' })).toHaveCount(0);
  });
});
