// The block's editor side: the questionnaire, language and theme in the sidebar; the page shows
// the server-rendered element (render_callback in aims-readiness.php). No build step.
(function (blocks, element, components, blockEditor) {
  const el = element.createElement;
  blocks.registerBlockType('aims-readiness/check', {
    edit: function (props) {
      const set = function (key) {
        return function (value) {
          const change = {};
          change[key] = value;
          props.setAttributes(change);
        };
      };
      return el(element.Fragment, null,
        el(blockEditor.InspectorControls, null,
          el(components.PanelBody, { title: 'Readiness check' },
            el(components.SelectControl, { label: 'Questionnaire', value: props.attributes.questionnaire, onChange: set('questionnaire'),
              options: [{ label: 'Quick scan', value: 'iso42001-quick-scan' }, { label: 'Full assessment', value: 'iso42001-full' }] }),
            el(components.SelectControl, { label: 'Language', value: props.attributes.lang, onChange: set('lang'),
              options: [{ label: 'The visitor\'s', value: '' }, { label: 'English', value: 'en' }, { label: 'Deutsch', value: 'de' }, { label: 'Français', value: 'fr' }, { label: 'Español', value: 'es' }] }),
            el(components.SelectControl, { label: 'Theme', value: props.attributes.theme, onChange: set('theme'),
              options: [{ label: 'The visitor\'s', value: '' }, { label: 'Light', value: 'light' }, { label: 'Dark', value: 'dark' }] }))),
        el('div', blockEditor.useBlockProps(), el('p', null, 'ISO/IEC 42001 readiness check (' + props.attributes.questionnaire + ')')));
    },
    save: function () {
      return null;
    },
  });
})(window.wp.blocks, window.wp.element, window.wp.components, window.wp.blockEditor);
