// Video facades: show the "play here" button instead of the link, and load the player only on request.
document.querySelectorAll("[data-video-embed]").forEach((button) => {
  const link = button.parentNode.querySelector("[data-video-link]");
  if (link) link.hidden = true;
  button.hidden = false;
  button.addEventListener("click", () => {
    const frame = document.createElement("iframe");
    frame.src = button.dataset.videoEmbed;
    frame.title = button.dataset.videoTitle;
    frame.allow = "autoplay; encrypted-media; picture-in-picture";
    frame.allowFullscreen = true;
    frame.loading = "lazy";
    frame.className = "video__frame";
    button.replaceWith(frame);
    frame.focus();
  });
});
