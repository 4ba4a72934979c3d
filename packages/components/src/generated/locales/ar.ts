
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'field.error-prefix': `Error:`,
'national-id.label': `National card number`,
'national-id.required': `Enter your national card number`,
'field.bidi': `Remove the hidden direction characters from the number`,
'national-id.characters': `Use digits only`,
    };
  