//! Facts of ISO/IEC 42001:2023 that the formulas rely on, whatever questionnaire is loaded: the
//! clause items whose mandatory documented information an auditor asks to see (and which audit
//! stage each one stops), and the 38 Annex A controls (so a Statement of Applicability always
//! lists all of them, including those a short questionnaire did not ask about).

use crate::model::i18n::{msg, Lang};
use crate::model::profile::{AiRole, EuRole, Profile};

/// Which certification audit a missing mandatory record stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Stage 1 reviews the documented system: scope, policy, risk and impact methods, the SoA,
    /// objectives. Without them there is nothing to review.
    One,
    /// Stage 2 samples the system in operation: records of risk work, monitoring, a completed
    /// internal audit and management review, nonconformity handling, competence evidence.
    Two,
}

impl Stage {
    pub fn key(self) -> &'static str {
        match self {
            Stage::One => "stage1",
            Stage::Two => "stage2",
        }
    }

    pub fn from_key(key: &str) -> Option<Stage> {
        match key {
            "stage1" => Some(Stage::One),
            "stage2" => Some(Stage::Two),
            _ => None,
        }
    }

    /// "stops the stage 1 audit", as it reads after a blocker's name.
    pub fn stops(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Stage::One => msg!("stops the stage 1 audit"),
            Stage::Two => msg!("stops the stage 2 audit"),
        })
    }
}

/// Clause items whose mandatory documented information an auditor asks to see, with the stage
/// its absence stops (reference: "Mandatory documented information"). A questionnaire that
/// does not ask about one of them cannot confirm readiness.
pub const GATE: [(&str, Stage); 16] = [
    ("4.3", Stage::One),
    ("5.2", Stage::One),
    ("6.1.1", Stage::One),
    ("6.1.2", Stage::One),
    ("6.1.3", Stage::One),
    ("6.1.4", Stage::One),
    ("6.2", Stage::One),
    ("7.2", Stage::Two),
    ("8.1", Stage::Two),
    ("8.2", Stage::Two),
    ("8.3", Stage::Two),
    ("8.4", Stage::Two),
    ("9.1", Stage::Two),
    ("9.2.2", Stage::Two),
    ("9.3.3", Stage::Two),
    ("10.2", Stage::Two),
];

/// Internal audit and management review items that must be at least planned (level 1) for a
/// stage 1 audit: ISO/IEC 17021-1 has stage 1 evaluate whether internal audits and management
/// reviews are planned and performed, so without them a stage 1 audit would find the system
/// not ready (reference: "Certification, for the roadmap").
pub const PLANNED_BEFORE_STAGE1: [&str; 5] = ["9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3"];

/// Annex A controls that carry out a clause requirement that always applies, with that clause
/// item: excluding one leaves the clause requirement unmet, so an auditor does not accept it.
pub const TIED_CONTROLS: [(&str, &str); 7] = [
    ("A.2.2", "5.2"),
    ("A.3.2", "5.3"),
    ("A.4.2", "4.3"),
    ("A.5.2", "6.1.4"),
    ("A.5.3", "6.1.4"),
    ("A.5.4", "6.1.4"),
    ("A.5.5", "6.1.4"),
];

/// The clause item an Annex A control carries out, if it is tied to one.
pub fn tied_clause(control: &str) -> Option<&'static str> {
    TIED_CONTROLS
        .iter()
        .find(|(c, _)| *c == control)
        .map(|(_, clause)| *clause)
}

/// Excluding more than this share of the Annex A controls that apply (in percent) is a finding
/// in waiting: auditors challenge broad exclusions, so the band stops at "nearly ready".
pub const BROAD_EXCLUSION_PERCENT: u32 = 33;

/// The stage a clause item's missing record stops, if it is part of the gate.
pub fn gate_stage(item: &str) -> Option<Stage> {
    GATE.iter().find(|(id, _)| *id == item).map(|(_, s)| *s)
}

/// The 38 Annex A controls with their reference titles (English).
pub const CONTROLS: [(&str, &str); 38] = [
    ("A.2.2", "AI policy"),
    ("A.2.3", "Alignment with other organizational policies"),
    ("A.2.4", "Review of the AI policy"),
    ("A.3.2", "AI roles and responsibilities"),
    ("A.3.3", "Reporting of concerns"),
    ("A.4.2", "Resource documentation"),
    ("A.4.3", "Data resources"),
    ("A.4.4", "Tooling resources"),
    ("A.4.5", "System and computing resources"),
    ("A.4.6", "Human resources"),
    ("A.5.2", "AI system impact assessment process"),
    ("A.5.3", "Documentation of AI system impact assessments"),
    (
        "A.5.4",
        "Assessing AI system impact on individuals or groups of individuals",
    ),
    ("A.5.5", "Assessing societal impacts of AI systems"),
    (
        "A.6.1.2",
        "Objectives for responsible development of AI system",
    ),
    (
        "A.6.1.3",
        "Processes for responsible AI system design and development",
    ),
    ("A.6.2.2", "AI system requirements and specification"),
    (
        "A.6.2.3",
        "Documentation of AI system design and development",
    ),
    ("A.6.2.4", "AI system verification and validation"),
    ("A.6.2.5", "AI system deployment"),
    ("A.6.2.6", "AI system operation and monitoring"),
    ("A.6.2.7", "AI system technical documentation"),
    ("A.6.2.8", "AI system recording of event logs"),
    ("A.7.2", "Data for development and enhancement of AI system"),
    ("A.7.3", "Acquisition of data"),
    ("A.7.4", "Quality of data for AI systems"),
    ("A.7.5", "Data provenance"),
    ("A.7.6", "Data preparation"),
    ("A.8.2", "System documentation and information for users"),
    ("A.8.3", "External reporting"),
    ("A.8.4", "Communication of incidents"),
    ("A.8.5", "Information for interested parties"),
    ("A.9.2", "Processes for responsible use of AI systems"),
    ("A.9.3", "Objectives for responsible use of AI system"),
    ("A.9.4", "Intended use of the AI system"),
    ("A.10.2", "Allocating responsibilities"),
    ("A.10.3", "Suppliers"),
    ("A.10.4", "Customers"),
];

/// The 32 assessable clause items with their reference titles (no clause item may be excluded).
pub const CLAUSE_ITEMS: [(&str, &str); 32] = [
    ("4.1", "Understanding the organization and its context"),
    (
        "4.2",
        "Understanding the needs and expectations of interested parties",
    ),
    ("4.3", "Determining the scope of the AI management system"),
    ("4.4", "AI management system"),
    ("5.1", "Leadership and commitment"),
    ("5.2", "AI policy"),
    ("5.3", "Roles, responsibilities and authorities"),
    ("6.1.1", "General"),
    ("6.1.2", "AI risk assessment"),
    ("6.1.3", "AI risk treatment"),
    ("6.1.4", "AI system impact assessment"),
    ("6.2", "AI objectives and planning to achieve them"),
    ("6.3", "Planning of changes"),
    ("7.1", "Resources"),
    ("7.2", "Competence"),
    ("7.3", "Awareness"),
    ("7.4", "Communication"),
    ("7.5.1", "General"),
    ("7.5.2", "Creating and updating documented information"),
    ("7.5.3", "Control of documented information"),
    ("8.1", "Operational planning and control"),
    ("8.2", "AI risk assessment"),
    ("8.3", "AI risk treatment"),
    ("8.4", "AI system impact assessment"),
    ("9.1", "Monitoring, measurement, analysis and evaluation"),
    ("9.2.1", "General"),
    ("9.2.2", "Internal audit programme"),
    ("9.3.1", "General"),
    ("9.3.2", "Management review inputs"),
    ("9.3.3", "Management review results"),
    ("10.1", "Continual improvement"),
    ("10.2", "Nonconformity and corrective action"),
];

/// Whom an article of the EU AI Act binds (reference: EU AI Act table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Binds {
    Everyone,
    /// Providers and deployers of any AI system.
    ProvidersAndDeployers,
    /// Providers decide; deployers check the classification.
    Classification,
    ProvidersHighRisk,
    DeployersHighRisk,
    /// Providers design human oversight into high-risk systems; deployers assign it.
    OversightHighRisk,
    /// Providers and deployers of high-risk systems.
    HighRisk,
    /// Certain deployers of high-risk systems (Art. 27).
    CertainDeployersHighRisk,
    ValueChain,
    GeneralPurposeModelProviders,
    /// Grants anyone a right (Art. 85, complaints): context for an item, no organisation's duty.
    RightOfAnyone,
    /// Importers of high-risk systems (Art. 23).
    ImportersHighRisk,
    /// Distributors of high-risk systems (Art. 24).
    DistributorsHighRisk,
    /// Authorised representatives of providers outside the EU, for high-risk systems (Art. 22).
    AuthorisedRepresentativesHighRisk,
}

impl Binds {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Binds::Everyone => msg!("binds everyone"),
            Binds::ProvidersAndDeployers => msg!("binds providers and deployers"),
            Binds::Classification => msg!("providers classify, deployers check"),
            Binds::ProvidersHighRisk => msg!("binds providers of high-risk systems"),
            Binds::DeployersHighRisk => msg!("binds deployers of high-risk systems"),
            Binds::OversightHighRisk => {
                msg!("providers design it, deployers assign it, for high-risk systems")
            }
            Binds::HighRisk => msg!("binds providers and deployers of high-risk systems"),
            Binds::CertainDeployersHighRisk => msg!("binds certain deployers of high-risk systems"),
            Binds::ValueChain => msg!("binds everyone in the value chain"),
            Binds::GeneralPurposeModelProviders => {
                msg!("binds providers of general-purpose AI models")
            }
            Binds::RightOfAnyone => {
                msg!("gives anyone a right to complain; binds no organisation (context only)")
            }
            Binds::ImportersHighRisk => msg!("binds importers of high-risk systems"),
            Binds::DistributorsHighRisk => msg!("binds distributors of high-risk systems"),
            Binds::AuthorisedRepresentativesHighRisk => {
                msg!("binds authorised representatives for high-risk systems")
            }
        })
    }

    /// Whether the article can concern this profile: high-risk duties only when a system may be
    /// high-risk, provider duties only for producers and providers, deployer duties only for users.
    pub fn concerns(self, profile: &Profile) -> bool {
        let provider =
            profile.roles.contains(&AiRole::Develops) || profile.roles.contains(&AiRole::Provides);
        let deployer = profile.roles.contains(&AiRole::Uses);
        let high = profile.may_be_high_risk();
        match self {
            Binds::Everyone
            | Binds::ProvidersAndDeployers
            | Binds::Classification
            | Binds::ValueChain
            | Binds::RightOfAnyone => true,
            Binds::ProvidersHighRisk => provider && high,
            Binds::DeployersHighRisk | Binds::CertainDeployersHighRisk => deployer && high,
            Binds::OversightHighRisk => high,
            Binds::HighRisk => high && (provider || deployer),
            Binds::GeneralPurposeModelProviders => {
                provider || profile.roles.contains(&AiRole::Partner)
            }
            Binds::ImportersHighRisk => profile.eu_roles().any(|r| r == EuRole::Importer),
            Binds::DistributorsHighRisk => profile.eu_roles().any(|r| r == EuRole::Distributor),
            Binds::AuthorisedRepresentativesHighRisk => profile
                .eu_roles()
                .any(|r| r == EuRole::AuthorisedRepresentative),
        }
    }
}

/// The EU AI Act articles the questionnaires cite, with whom each binds.
pub const EU_ARTICLES: [(&str, Binds); 25] = [
    ("Art. 4", Binds::ProvidersAndDeployers),
    ("Art. 5", Binds::Everyone),
    ("Art. 6", Binds::Classification),
    ("Art. 9", Binds::ProvidersHighRisk),
    ("Art. 10", Binds::ProvidersHighRisk),
    ("Art. 11", Binds::ProvidersHighRisk),
    ("Art. 12", Binds::ProvidersHighRisk),
    ("Art. 13", Binds::ProvidersHighRisk),
    ("Art. 14", Binds::OversightHighRisk),
    ("Art. 15", Binds::ProvidersHighRisk),
    ("Art. 17", Binds::ProvidersHighRisk),
    ("Art. 18", Binds::ProvidersHighRisk),
    // Keeping the logs: providers (Art. 19), deployers those under their control (Art. 26(6)).
    ("Art. 19", Binds::ProvidersHighRisk),
    ("Art. 20", Binds::ProvidersHighRisk),
    ("Art. 25", Binds::ValueChain),
    ("Art. 26", Binds::DeployersHighRisk),
    ("Art. 26(6)", Binds::DeployersHighRisk),
    ("Art. 27", Binds::CertainDeployersHighRisk),
    ("Art. 43", Binds::ProvidersHighRisk),
    ("Art. 50", Binds::ProvidersAndDeployers),
    ("Art. 53", Binds::GeneralPurposeModelProviders),
    ("Art. 72", Binds::ProvidersHighRisk),
    ("Art. 73", Binds::ProvidersHighRisk),
    ("Art. 85", Binds::RightOfAnyone),
    // Reporting infringements (whistleblowers), through Directive (EU) 2019/1937.
    ("Art. 87", Binds::Everyone),
];

/// Whom an article binds, if this build knows it.
pub fn eu_binds(article: &str) -> Option<Binds> {
    EU_ARTICLES
        .iter()
        .find(|(a, _)| *a == article)
        .map(|(_, b)| *b)
}
