import { mount } from '@/components/mount';
import { OptionsApp } from '@/components/options/OptionsApp';

mount(<OptionsApp />);
