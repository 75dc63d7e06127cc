// Alt+M adds a member row from anywhere in the registration form, so a clerk never tabs
// through the rest of a row to reach the button. event.code, not event.key: the shortcut must
// work with an Arabic, Kurdish or Russian keyboard layout too.
document.addEventListener("keydown", (event) => {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.code !== "KeyM") return;
  const button = document.getElementById("add-member");
  if (button) {
    event.preventDefault();
    button.click();
  }
});
