// The quizdown bench page: quizdown.createApp on the fetched markdown, as
// quizdown.init() does for each .quizdown element on window load, but
// without waiting for load.
window.benchData.then((markdown) => {
  // eslint-disable-next-line no-undef
  quizdown.createApp(markdown, document.getElementById('quiz'), { startOnLoad: false, shuffleAnswers: false });
});
