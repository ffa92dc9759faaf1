// The SurveyJS bench page: a Survey.Model of the fetched JSON (one
// question a page), rendered with survey-js-ui.
window.benchData.then((json) => {
  // eslint-disable-next-line no-undef
  const survey = new Survey.Model(json);
  survey.render(document.getElementById('quiz'));
  window.survey = survey;
});
