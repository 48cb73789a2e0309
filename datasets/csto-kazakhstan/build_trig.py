#!/usr/bin/env python3
"""Writes csto-kazakhstan.trig from the hand-curated fact table in this file.

    python3 build_trig.py --article ARTICLE.txt [--out csto-kazakhstan.trig]

ARTICLE.txt is the text of the article (UTF-8; its SHA-256 is recorded in the data). Each q(...)
entry below pairs a verbatim passage of the article with the triples it states; the script finds the
passage in the text (it must occur exactly once), records its offsets in Unicode code points, and
makes the passage the RDF 1.2 reifier of every triple it states (see README.md, "Provenance").
SOURCES holds the background sources (one graph each, with the facts it states) and GENERAL the
facts no cited source states (a graph of their own); CLASSES and PROPS the vocabulary; the script
refuses predicates or classes that the vocabulary does not declare, and duplicate facts.
Check the result with: python3 ../tools/trig_stats.py csto-kazakhstan.trig --article ARTICLE.txt
"""
import argparse
import hashlib
import os
import re
import sys
from decimal import Decimal

_ap = argparse.ArgumentParser()
_ap.add_argument('--article', required=True)
_ap.add_argument('--out', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), 'csto-kazakhstan.trig'))
_args = _ap.parse_args()
ARTICLE = _args.article
OUT = _args.out
text = open(ARTICLE, encoding='utf-8').read()
raw = open(ARTICLE, 'rb').read()

NS = 'http://sextant.local/'
SRC = NS + 'source/sutanovac-2022-csto-kazakhstan'
BG = NS + 'source/background-general-knowledge'
VOC = NS + 'graph/vocabulary'


class Lit:
    def __init__(self, lex, dt=None):
        self.lex, self.dt = lex, dt


def D(s):  # xsd:date
    return Lit(s, 'xsd:date')


def Y(s):  # xsd:gYear
    return Lit(s, 'xsd:gYear')


def esc(s):
    return s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n')


def term(o):
    if isinstance(o, bool):
        return 'true' if o else 'false'
    if isinstance(o, int):
        return str(o)
    if isinstance(o, Decimal):
        return str(o)
    if isinstance(o, Lit):
        return f'"{esc(o.lex)}"^^{o.dt}' if o.dt else f'"{esc(o.lex)}"'
    if isinstance(o, str) and o.startswith(':'):
        return o
    if isinstance(o, str) and o.startswith('<'):
        return o
    if isinstance(o, str) and o.split(':')[0] in ('rdf', 'rdfs', 'owl', 'xsd', 'dct', 'skos') and ' ' not in o:
        return o
    if isinstance(o, str):
        return f'"{esc(o)}"'
    raise TypeError(o)


def subj(s):
    return s


# ------------------------------------------------------------------ article facts
# Each entry: (quote, [triples]). The quote is a verbatim substring of the article that states
# the triples. Strings starting with ':' are IRIs; other str are xsd:string literals.
P = []


def q(quote, *triples):
    P.append((quote, list(triples)))


A = 'a'

# --- header / source
q('Author: Dragan Šutanovac, president of Council for Strategic Policy',
  (':DraganSutanovac', A, ':Person'),
  (':DraganSutanovac', 'rdfs:label', 'Dragan Šutanovac'),
  (':DraganSutanovac', ':presidentOf', ':CouncilForStrategicPolicy'),
  (':CouncilForStrategicPolicy', A, ':Organization'),
  (':CouncilForStrategicPolicy', 'rdfs:label', 'Council for Strategic Policy'))
q('Photo: Russian Defense Ministry Press Service',
  (':RussianDefenseMinistryPressService', A, ':Organization'),
  (':RussianDefenseMinistryPressService', 'rdfs:label', 'Russian Defense Ministry Press Service'))

# --- paragraph 1: the deployment
q('The deployment of a peacekeeping contingent of the Collective Security Treaty Organization (CSTO) in Kazakhstan to protect the regime',
  (':CSTO', A, ':Organization'),
  (':CSTO', A, ':MilitaryAlliance'),
  (':CSTO', 'rdfs:label', 'Collective Security Treaty Organization'),
  (':CSTO', 'skos:altLabel', 'CSTO'),
  (':Kazakhstan', A, ':Country'),
  (':Kazakhstan', 'rdfs:label', 'Kazakhstan'),
  (':CSTODeployment2022', A, ':MilitaryDeployment'),
  (':CSTODeployment2022', A, ':Event'),
  (':CSTODeployment2022', 'rdfs:label', 'Deployment of the CSTO peacekeeping contingent in Kazakhstan (2022)'),
  (':CSTODeployment2022', ':organization', ':CSTO'),
  (':CSTODeployment2022', ':deployedTo', ':Kazakhstan'),
  (':CSTODeployment2022', ':force', ':CSTOPeacekeepingContingent'),
  (':ClaimDeploymentProtectsRegime', A, ':Claim'),
  (':ClaimDeploymentProtectsRegime', ':claimant', ':DraganSutanovac'),
  (':ClaimDeploymentProtectsRegime', ':claimKind', 'characterization'),
  (':ClaimDeploymentProtectsRegime', ':about', ':CSTODeployment2022'),
  (':ClaimDeploymentProtectsRegime', ':claimText', 'to protect the regime'),
  (':CSTOPeacekeepingContingent', A, ':MilitaryUnit'),
  (':CSTOPeacekeepingContingent', 'rdfs:label', 'CSTO peacekeeping contingent in Kazakhstan'),
  (':CSTOPeacekeepingContingent', ':partOf', ':CSTODeployment2022'))
q('will be a turning point for the entire post-Soviet space',
  (':PostSovietSpace', A, ':GeopoliticalArea'),
  (':PostSovietSpace', 'rdfs:label', 'post-Soviet space'),
  (':ClaimTurningPoint', A, ':Claim'),
  (':ClaimTurningPoint', ':claimant', ':DraganSutanovac'),
  (':ClaimTurningPoint', ':claimKind', 'prediction'),
  (':ClaimTurningPoint', ':about', ':CSTODeployment2022'),
  (':ClaimTurningPoint', ':about', ':PostSovietSpace'),
  (':ClaimTurningPoint', ':claimText', 'will be a turning point for the entire post-Soviet space'))
q('the geopolitical consequences will be reflected in a direct or indirect manner on the whole of Central Asia and, paradoxically, will lead to further destabilization and repositioning of foreign influences',
  (':CentralAsia', A, ':Subregion'),
  (':CentralAsia', 'rdfs:label', 'Central Asia'),
  (':ClaimCentralAsiaDestabilization', A, ':Claim'),
  (':ClaimCentralAsiaDestabilization', ':claimant', ':DraganSutanovac'),
  (':ClaimCentralAsiaDestabilization', ':claimKind', 'prediction'),
  (':ClaimCentralAsiaDestabilization', ':about', ':CentralAsia'),
  (':ClaimCentralAsiaDestabilization', ':claimText', 'will lead to further destabilization and repositioning of foreign influences'))

# --- paragraph 2: trigger, energy crisis
q('Although the cause of violent demonstrations was banal (140% increase in the price of liquefied gas from 0.10 to 0.24 euros)',
  (':KazakhstanUnrest2022', A, ':Protest'),
  (':KazakhstanUnrest2022', A, ':Event'),
  (':KazakhstanUnrest2022', 'rdfs:label', '2022 protests in Kazakhstan'),
  (':KazakhstanUnrest2022', 'skos:altLabel', 'violent demonstrations'),
  (':KazakhstanUnrest2022', ':location', ':Kazakhstan'),
  (':KazakhstanUnrest2022', ':violent', True),
  (':KazakhstanUnrest2022', ':trigger', ':LiquefiedGasPriceIncrease'),
  (':LiquefiedGasPriceIncrease', A, ':PriceChange'),
  (':LiquefiedGasPriceIncrease', A, ':Event'),
  (':LiquefiedGasPriceIncrease', 'rdfs:label', 'Increase of the price of liquefied gas in Kazakhstan'),
  (':LiquefiedGasPriceIncrease', ':commodity', ':LiquefiedGas'),
  (':LiquefiedGasPriceIncrease', ':location', ':Kazakhstan'),
  (':LiquefiedGasPriceIncrease', ':priceBefore', Decimal('0.10')),
  (':LiquefiedGasPriceIncrease', ':priceAfter', Decimal('0.24')),
  (':LiquefiedGasPriceIncrease', ':currency', 'EUR'),
  (':LiquefiedGasPriceIncrease', ':percentChange', 140),
  (':LiquefiedGas', A, ':Commodity'),
  (':LiquefiedGas', 'rdfs:label', 'liquefied gas'))
q('it is clear that Kazakhstan is facing structural social discontent, material inequality and a rigid political autocracy that is holding the state administration hostage',
  (':ClaimKazakhstanStructuralProblems', A, ':Claim'),
  (':ClaimKazakhstanStructuralProblems', ':claimant', ':DraganSutanovac'),
  (':ClaimKazakhstanStructuralProblems', ':claimKind', 'assessment'),
  (':ClaimKazakhstanStructuralProblems', ':about', ':Kazakhstan'),
  (':ClaimKazakhstanStructuralProblems', ':claimText', 'Kazakhstan is facing structural social discontent, material inequality and a rigid political autocracy that is holding the state administration hostage'))
q('The need for higher energy prices is a product of the crisis in the energy sector',
  (':KazakhEnergyCrisis', A, ':Crisis'),
  (':KazakhEnergyCrisis', A, ':Event'),
  (':KazakhEnergyCrisis', 'rdfs:label', 'Crisis in the energy sector of Kazakhstan'),
  (':KazakhEnergyCrisis', ':location', ':Kazakhstan'),
  (':LiquefiedGasPriceIncrease', ':causedBy', ':KazakhEnergyCrisis'))
q('which was caused, among other things, by a massive “mining” of cryptocurrencies by hundreds of thousands of Chinese companies that moved to Kazakhstan due to cheap energy, lack of legislation and systemic corruption',
  (':KazakhEnergyCrisis', ':causedBy', ':CryptocurrencyMiningInKazakhstan'),
  (':CryptocurrencyMiningInKazakhstan', A, ':EconomicActivity'),
  (':CryptocurrencyMiningInKazakhstan', 'rdfs:label', 'Cryptocurrency mining in Kazakhstan'),
  (':CryptocurrencyMiningInKazakhstan', ':location', ':Kazakhstan'),
  (':CryptocurrencyMiningInKazakhstan', ':agent', ':ChineseCryptoMiningCompanies'),
  (':CryptocurrencyMiningInKazakhstan', ':scale', 'massive'),
  (':ChineseCryptoMiningCompanies', A, ':Group'),
  (':ChineseCryptoMiningCompanies', 'rdfs:label', 'Chinese cryptocurrency mining companies in Kazakhstan'),
  (':ChineseCryptoMiningCompanies', ':approximateCount', 'hundreds of thousands'),
  (':ChineseCryptoMiningCompanies', ':originCountry', ':China'),
  (':ChineseCryptoMiningCompanies', ':relocatedTo', ':Kazakhstan'),
  (':ChineseCryptoMiningCompanies', ':relocationReason', 'cheap energy'),
  (':ChineseCryptoMiningCompanies', ':relocationReason', 'lack of legislation'),
  (':ChineseCryptoMiningCompanies', ':relocationReason', 'systemic corruption'),
  (':China', A, ':Country'),
  (':China', 'rdfs:label', 'China'))
q('which are draining the energy resources of an already impoverished country',
  (':ClaimCryptoMiningDrainsEnergy', A, ':Claim'),
  (':ClaimCryptoMiningDrainsEnergy', ':claimant', ':DraganSutanovac'),
  (':ClaimCryptoMiningDrainsEnergy', ':claimKind', 'assessment'),
  (':ClaimCryptoMiningDrainsEnergy', ':about', ':CryptocurrencyMiningInKazakhstan'),
  (':ClaimCryptoMiningDrainsEnergy', ':claimText', 'draining the energy resources of an already impoverished country'))

# --- paragraph 3: Tokayev, Nazarbayev, China
q('the President of Kazakhstan, Kassym-Jomart Tokayev, has been in power for almost three years',
  (':Tokayev', A, ':Person'),
  (':Tokayev', 'rdfs:label', 'Kassym-Jomart Tokayev'),
  (':Tokayev', 'skos:altLabel', 'Tokayev'),
  (':Tokayev', ':presidentOf', ':Kazakhstan'),
  (':Tokayev', ':timeInPower', 'almost three years'))
q('the protesters directed all their anger at his predecessor, Nursultan Nazarbayev, who retained a powerful role in the security apparatus, and political influence',
  (':Nazarbayev', A, ':Person'),
  (':Nazarbayev', 'rdfs:label', 'Nursultan Nazarbayev'),
  (':Nazarbayev', 'skos:altLabel', 'Nazarbayev'),
  (':Tokayev', ':predecessor', ':Nazarbayev'),
  (':KazakhstanUnrest2022', ':target', ':Nazarbayev'),
  (':Nazarbayev', ':retainedRole', 'a powerful role in the security apparatus'),
  (':Nazarbayev', ':retainedRole', 'political influence'))
q('Nazarbayev balanced with Russia, China, the United States, the EU and Turkey',
  (':Nazarbayev', ':balancedRelationsWith', ':Russia'),
  (':Nazarbayev', ':balancedRelationsWith', ':China'),
  (':Nazarbayev', ':balancedRelationsWith', ':UnitedStates'),
  (':Nazarbayev', ':balancedRelationsWith', ':EuropeanUnion'),
  (':Nazarbayev', ':balancedRelationsWith', ':Turkey'),
  (':Russia', A, ':Country'),
  (':Russia', 'rdfs:label', 'Russia'),
  (':UnitedStates', A, ':Country'),
  (':UnitedStates', 'rdfs:label', 'United States'),
  (':EuropeanUnion', A, ':Organization'),
  (':EuropeanUnion', 'rdfs:label', 'European Union'),
  (':EuropeanUnion', 'skos:altLabel', 'EU'),
  (':Turkey', A, ':Country'),
  (':Turkey', 'rdfs:label', 'Turkey'))
q('while Tokayev focused exclusively on the relationship with Moscow and Beijing',
  (':Tokayev', ':focusedRelationsOn', ':Russia'),
  (':Tokayev', ':focusedRelationsOn', ':China'))
q('China is very satisfied with the attitude of the new government of Kazakhstan towards the Uighurs',
  (':KazakhPolicyTowardsUighurs', A, ':Policy'),
  (':KazakhPolicyTowardsUighurs', 'rdfs:label', 'Attitude of the new government of Kazakhstan towards the Uighurs'),
  (':KazakhPolicyTowardsUighurs', ':agent', ':Kazakhstan'),
  (':KazakhPolicyTowardsUighurs', ':concerns', ':Uighurs'),
  (':Uighurs', A, ':EthnicGroup'),
  (':Uighurs', 'rdfs:label', 'Uighurs'),
  (':China', ':satisfiedWith', ':KazakhPolicyTowardsUighurs'))
q('as well as with the joint project of uranium exploitation and the production of fuel assemblies for nuclear power plants',
  (':UraniumExploitationProject', A, ':JointProject'),
  (':UraniumExploitationProject', 'rdfs:label', 'Joint project of uranium exploitation'),
  (':UraniumExploitationProject', ':participant', ':China'),
  (':UraniumExploitationProject', ':participant', ':Kazakhstan'),
  (':UraniumExploitationProject', ':commodity', ':Uranium'),
  (':FuelAssemblyProject', A, ':JointProject'),
  (':FuelAssemblyProject', 'rdfs:label', 'Joint production of fuel assemblies for nuclear power plants'),
  (':FuelAssemblyProject', ':participant', ':China'),
  (':FuelAssemblyProject', ':participant', ':Kazakhstan'),
  (':FuelAssemblyProject', ':commodity', ':NuclearFuelAssemblies'),
  (':Uranium', A, ':Commodity'),
  (':Uranium', 'rdfs:label', 'uranium'),
  (':NuclearFuelAssemblies', A, ':Commodity'),
  (':NuclearFuelAssemblies', 'rdfs:label', 'fuel assemblies for nuclear power plants'),
  (':China', ':satisfiedWith', ':UraniumExploitationProject'),
  (':China', ':satisfiedWith', ':FuelAssemblyProject'))
q('The China General Nuclear Power Corporation (CGNPC) is involved in the latter project',
  (':CGNPC', A, ':Organization'),
  (':CGNPC', A, ':Company'),
  (':CGNPC', 'rdfs:label', 'China General Nuclear Power Corporation'),
  (':CGNPC', 'skos:altLabel', 'CGNPC'),
  (':FuelAssemblyProject', ':participant', ':CGNPC'))
q('there are indications that it is working to improve China’s nuclear military capabilities',
  (':ClaimCGNPCMilitary', A, ':Claim'),
  (':ClaimCGNPCMilitary', ':claimant', ':DraganSutanovac'),
  (':ClaimCGNPCMilitary', ':claimKind', 'allegation'),
  (':ClaimCGNPCMilitary', ':about', ':CGNPC'),
  (':ClaimCGNPCMilitary', ':claimText', 'it is working to improve China’s nuclear military capabilities'))
q('China’s strategic interests in Kazakhstan, and its diplomatically sensitive rhetoric in relation to Russia’s intervention, are understandable',
  (':China', ':hasStrategicInterestIn', ':Kazakhstan'),
  (':ClaimChinaRhetoric', A, ':Claim'),
  (':ClaimChinaRhetoric', ':claimant', ':DraganSutanovac'),
  (':ClaimChinaRhetoric', ':claimKind', 'assessment'),
  (':ClaimChinaRhetoric', ':about', ':China'),
  (':ClaimChinaRhetoric', ':claimText', 'China’s strategic interests in Kazakhstan, and its diplomatically sensitive rhetoric in relation to Russia’s intervention, are understandable'))

# --- paragraph 4: capital, Zhanaozen
q('It is symptomatic that now even officials fail to call the capital city by its name Nur-sultan, but use the euphemism of “capital” instead',
  (':Astana', A, ':City'),
  (':Astana', 'rdfs:label', 'Nur-Sultan'),
  (':Astana', 'skos:altLabel', 'Nur-sultan'),
  (':Astana', ':capitalOf', ':Kazakhstan'),
  (':ClaimOfficialsAvoidCapitalName', A, ':Claim'),
  (':ClaimOfficialsAvoidCapitalName', ':claimant', ':DraganSutanovac'),
  (':ClaimOfficialsAvoidCapitalName', ':claimKind', 'assessment'),
  (':ClaimOfficialsAvoidCapitalName', ':about', ':Astana'),
  (':ClaimOfficialsAvoidCapitalName', ':claimText', 'now even officials fail to call the capital city by its name Nur-sultan, but use the euphemism of “capital” instead'))
q('the current events in Kazakhstan represent only one episode in a series of violent conflicts',
  (':ViolentConflictsInKazakhstan', A, ':EventSeries'),
  (':ViolentConflictsInKazakhstan', 'rdfs:label', 'Series of violent conflicts in Kazakhstan'),
  (':ViolentConflictsInKazakhstan', ':location', ':Kazakhstan'),
  (':KazakhstanUnrest2022', ':partOf', ':ViolentConflictsInKazakhstan'))
q('such as the one that occurred in the city of Zhanaozen in 2011, when the police killed 16 workers in the oil sector',
  (':ZhanaozenKillings2011', A, ':Massacre'),
  (':ZhanaozenKillings2011', A, ':Event'),
  (':ZhanaozenKillings2011', 'rdfs:label', 'Zhanaozen killings (2011)'),
  (':ZhanaozenKillings2011', ':partOf', ':ViolentConflictsInKazakhstan'),
  (':ZhanaozenKillings2011', ':location', ':Zhanaozen'),
  (':ZhanaozenKillings2011', ':year', Y('2011')),
  (':ZhanaozenKillings2011', ':perpetrator', ':KazakhPolice'),
  (':ZhanaozenKillings2011', ':deaths', 16),
  (':ZhanaozenKillings2011', ':victimGroup', 'workers in the oil sector'),
  (':Zhanaozen', A, ':City'),
  (':Zhanaozen', 'rdfs:label', 'Zhanaozen'),
  (':Zhanaozen', ':country', ':Kazakhstan'),
  (':KazakhPolice', A, ':SecurityForce'),
  (':KazakhPolice', 'rdfs:label', 'Police of Kazakhstan'),
  (':KazakhPolice', ':country', ':Kazakhstan'))
q('there are no clear indications that the recent riots will also be the last',
  (':ClaimMoreRiots', A, ':Claim'),
  (':ClaimMoreRiots', ':claimant', ':DraganSutanovac'),
  (':ClaimMoreRiots', ':claimKind', 'prediction'),
  (':ClaimMoreRiots', ':about', ':ViolentConflictsInKazakhstan'),
  (':ClaimMoreRiots', ':claimText', 'there are no clear indications that the recent riots will also be the last'))

# --- paragraph 5: Article 4, Tokayev's claim, CSTO inaction
q('In order to fulfill the formal reason for the engagement of CSTO forces (Article 4 of the Collective Security Treaty), President Tokayev characterized the demonstrations as “an act of aggression by international terrorist groups that have undergone special training abroad.”',
  (':CollectiveSecurityTreaty', A, ':Treaty'),
  (':CollectiveSecurityTreaty', 'rdfs:label', 'Collective Security Treaty'),
  (':CSTArticle4', A, ':TreatyArticle'),
  (':CSTArticle4', 'rdfs:label', 'Article 4 of the Collective Security Treaty'),
  (':CSTArticle4', ':partOf', ':CollectiveSecurityTreaty'),
  (':CSTArticle4', ':articleNumber', 4),
  (':CSTODeployment2022', ':legalBasis', ':CSTArticle4'),
  (':ClaimTerroristAggression', A, ':Claim'),
  (':ClaimTerroristAggression', ':claimant', ':Tokayev'),
  (':ClaimTerroristAggression', ':claimKind', 'characterization'),
  (':ClaimTerroristAggression', ':about', ':KazakhstanUnrest2022'),
  (':ClaimTerroristAggression', ':claimText', 'an act of aggression by international terrorist groups that have undergone special training abroad.'),
  (':ClaimTerroristAggression', ':servesToInvoke', ':CSTArticle4'))
q('the CSTO’s inconsistency has already been proven by ignoring a series of revolutions and ethnic violence that occurred in Kyrgyzstan, during the Armenian-Azerbaijani conflict, and the brief struggles between Kyrgyzstan and Tajikistan',
  (':KyrgyzRevolutionsAndEthnicViolence', A, ':EventSeries'),
  (':KyrgyzRevolutionsAndEthnicViolence', 'rdfs:label', 'Revolutions and ethnic violence in Kyrgyzstan'),
  (':KyrgyzRevolutionsAndEthnicViolence', ':location', ':Kyrgyzstan'),
  (':ArmenianAzerbaijaniConflict', A, ':ArmedConflict'),
  (':ArmenianAzerbaijaniConflict', A, ':Event'),
  (':ArmenianAzerbaijaniConflict', 'rdfs:label', 'Armenian-Azerbaijani conflict'),
  (':ArmenianAzerbaijaniConflict', ':participant', ':Armenia'),
  (':ArmenianAzerbaijaniConflict', ':participant', ':Azerbaijan'),
  (':KyrgyzTajikClashes', A, ':ArmedConflict'),
  (':KyrgyzTajikClashes', A, ':Event'),
  (':KyrgyzTajikClashes', 'rdfs:label', 'Brief struggles between Kyrgyzstan and Tajikistan'),
  (':KyrgyzTajikClashes', ':participant', ':Kyrgyzstan'),
  (':KyrgyzTajikClashes', ':participant', ':Tajikistan'),
  (':CSTO', ':didNotInterveneIn', ':KyrgyzRevolutionsAndEthnicViolence'),
  (':CSTO', ':didNotInterveneIn', ':ArmenianAzerbaijaniConflict'),
  (':CSTO', ':didNotInterveneIn', ':KyrgyzTajikClashes'),
  (':Kyrgyzstan', A, ':Country'),
  (':Kyrgyzstan', 'rdfs:label', 'Kyrgyzstan'),
  (':Armenia', A, ':Country'),
  (':Armenia', 'rdfs:label', 'Armenia'),
  (':Azerbaijan', A, ':Country'),
  (':Azerbaijan', 'rdfs:label', 'Azerbaijan'),
  (':Tajikistan', A, ':Country'),
  (':Tajikistan', 'rdfs:label', 'Tajikistan'))
q('The example of Armenia especially emphasizes the importance of allies and the uselessness of formal membership in a fictitious security alliance',
  (':Armenia', ':memberOf', ':CSTO'),
  (':ClaimCSTOFictitious', A, ':Claim'),
  (':ClaimCSTOFictitious', ':claimant', ':DraganSutanovac'),
  (':ClaimCSTOFictitious', ':claimKind', 'assessment'),
  (':ClaimCSTOFictitious', ':about', ':CSTO'),
  (':ClaimCSTOFictitious', ':claimText', 'the uselessness of formal membership in a fictitious security alliance'))
q('it is exclusively in the function of Moscow’s interests',
  (':ClaimCSTOServesMoscow', A, ':Claim'),
  (':ClaimCSTOServesMoscow', ':claimant', ':DraganSutanovac'),
  (':ClaimCSTOServesMoscow', ':claimKind', 'assessment'),
  (':ClaimCSTOServesMoscow', ':about', ':CSTO'),
  (':ClaimCSTOServesMoscow', ':claimText', 'it is exclusively in the function of Moscow’s interests'))
q('the CSTO and Russia did not react to the attacks and violation of Armenia’s air sovereignty',
  (':AttacksOnArmenia', A, ':Event'),
  (':AttacksOnArmenia', 'rdfs:label', 'Attacks on Armenia and violation of its air sovereignty'),
  (':AttacksOnArmenia', ':target', ':Armenia'),
  (':AttacksOnArmenia', ':partOf', ':ArmenianAzerbaijaniConflict'),
  (':CSTO', ':didNotInterveneIn', ':AttacksOnArmenia'),
  (':Russia', ':didNotInterveneIn', ':AttacksOnArmenia'))
q('a CSTO member (Belarus) continuously exported missiles to Azerbaijan for the multi-barrel Polonez rocket launchers during the hostilities',
  (':Belarus', A, ':Country'),
  (':Belarus', 'rdfs:label', 'Belarus'),
  (':Belarus', ':memberOf', ':CSTO'),
  (':BelarusMissileExports', A, ':ArmsTransfer'),
  (':BelarusMissileExports', A, ':Event'),
  (':BelarusMissileExports', 'rdfs:label', 'Belarusian exports of missiles for Polonez rocket launchers to Azerbaijan'),
  (':BelarusMissileExports', ':exporter', ':Belarus'),
  (':BelarusMissileExports', ':importer', ':Azerbaijan'),
  (':BelarusMissileExports', ':item', ':PolonezMissiles'),
  (':BelarusMissileExports', ':during', ':ArmenianAzerbaijaniConflict'),
  (':BelarusMissileExports', ':frequency', 'continuously'),
  (':PolonezMissiles', A, ':WeaponSystem'),
  (':PolonezMissiles', 'rdfs:label', 'Missiles for the Polonez rocket launchers'),
  (':PolonezMissiles', ':usedBy', ':PolonezRocketLauncher'),
  (':PolonezRocketLauncher', A, ':WeaponSystem'),
  (':PolonezRocketLauncher', 'rdfs:label', 'Polonez'),
  (':PolonezRocketLauncher', ':weaponType', 'multi-barrel rocket launcher'))
q('In all these cases, Moscow has invoked a liberal approach towards human rights or sovereignty as a justification of CSTO’s non-intervention, while in the case of Kazakhstan, a conservative approach was taken due to endangered security and destabilization of the region by an imaginary third power',
  (':ClaimLiberalJustification', A, ':Claim'),
  (':ClaimLiberalJustification', ':claimant', ':Russia'),
  (':ClaimLiberalJustification', ':claimKind', 'justification'),
  (':ClaimLiberalJustification', ':about', ':KyrgyzRevolutionsAndEthnicViolence'),
  (':ClaimLiberalJustification', ':about', ':ArmenianAzerbaijaniConflict'),
  (':ClaimLiberalJustification', ':about', ':KyrgyzTajikClashes'),
  (':ClaimLiberalJustification', ':claimText', 'a liberal approach towards human rights or sovereignty'),
  (':ClaimConservativeJustification', A, ':Claim'),
  (':ClaimConservativeJustification', ':claimant', ':Russia'),
  (':ClaimConservativeJustification', ':claimKind', 'justification'),
  (':ClaimConservativeJustification', ':about', ':CSTODeployment2022'),
  (':ClaimConservativeJustification', ':claimText', 'endangered security and destabilization of the region'),
  (':ClaimThirdPowerImaginary', A, ':Claim'),
  (':ClaimThirdPowerImaginary', ':claimant', ':DraganSutanovac'),
  (':ClaimThirdPowerImaginary', ':claimKind', 'characterization'),
  (':ClaimThirdPowerImaginary', ':about', ':ClaimConservativeJustification'),
  (':ClaimThirdPowerImaginary', ':claimText', 'an imaginary third power'))
q('it could be concluded that the CSTO positioned itself only as a formal security alliance that provides illusionary security to its members',
  (':ClaimIllusionarySecurity', A, ':Claim'),
  (':ClaimIllusionarySecurity', ':claimant', ':DraganSutanovac'),
  (':ClaimIllusionarySecurity', ':claimKind', 'assessment'),
  (':ClaimIllusionarySecurity', ':about', ':CSTO'),
  (':ClaimIllusionarySecurity', ':claimText', 'the CSTO positioned itself only as a formal security alliance that provides illusionary security to its members'))
q('all obligations arising from CSTO are of lesser importance in comparison to the national interest and projection of power of the leading member state',
  (':ClaimObligationsBelowLeadingMember', A, ':Claim'),
  (':ClaimObligationsBelowLeadingMember', ':claimant', ':DraganSutanovac'),
  (':ClaimObligationsBelowLeadingMember', ':claimKind', 'assessment'),
  (':ClaimObligationsBelowLeadingMember', ':about', ':CSTO'),
  (':ClaimObligationsBelowLeadingMember', ':claimText', 'all obligations arising from CSTO are of lesser importance in comparison to the national interest and projection of power of the leading member state'))

# --- paragraph 6: the troops
q('Officially, the CSTO peacekeeping forces in Kazakhstan consist of 3.000 Russian, 500 Belarusian, 200 Tajik and 70 Armenian soldiers.',
  (':CSTOPeacekeepingContingent', 'skos:altLabel', 'CSTO peacekeeping forces'),
  (':RussianContingent', A, ':MilitaryContingent'),
  (':RussianContingent', 'rdfs:label', 'Russian contingent of the CSTO peacekeeping forces'),
  (':RussianContingent', ':sentBy', ':Russia'),
  (':RussianContingent', ':soldiers', 3000),
  (':RussianContingent', ':partOf', ':CSTOPeacekeepingContingent'),
  (':RussianContingent', ':deployedTo', ':Kazakhstan'),
  (':BelarusianContingent', A, ':MilitaryContingent'),
  (':BelarusianContingent', 'rdfs:label', 'Belarusian contingent of the CSTO peacekeeping forces'),
  (':BelarusianContingent', ':sentBy', ':Belarus'),
  (':BelarusianContingent', ':soldiers', 500),
  (':BelarusianContingent', ':partOf', ':CSTOPeacekeepingContingent'),
  (':BelarusianContingent', ':deployedTo', ':Kazakhstan'),
  (':TajikContingent', A, ':MilitaryContingent'),
  (':TajikContingent', 'rdfs:label', 'Tajik contingent of the CSTO peacekeeping forces'),
  (':TajikContingent', ':sentBy', ':Tajikistan'),
  (':TajikContingent', ':soldiers', 200),
  (':TajikContingent', ':partOf', ':CSTOPeacekeepingContingent'),
  (':TajikContingent', ':deployedTo', ':Kazakhstan'),
  (':ArmenianContingent', A, ':MilitaryContingent'),
  (':ArmenianContingent', 'rdfs:label', 'Armenian contingent of the CSTO peacekeeping forces'),
  (':ArmenianContingent', ':sentBy', ':Armenia'),
  (':ArmenianContingent', ':soldiers', 70),
  (':ArmenianContingent', ':partOf', ':CSTOPeacekeepingContingent'),
  (':ArmenianContingent', ':deployedTo', ':Kazakhstan'),
  (':CSTOPeacekeepingContingent', ':figuresStatus', 'official'),
  (':CSTOPeacekeepingContingent', ':nationalContingents', 4))
q('Their declared task will be to protect strategic facilities, ie critical state infrastructure',
  (':CSTOPeacekeepingContingent', ':declaredTask', 'to protect strategic facilities, ie critical state infrastructure'))
q('they will allegedly not participate in the suppression of demonstrations',
  (':ClaimNoSuppression', A, ':Claim'),
  (':ClaimNoSuppression', ':claimant', ':UnnamedOfficials'),
  (':ClaimNoSuppression', ':claimKind', 'assurance'),
  (':ClaimNoSuppression', ':about', ':CSTOPeacekeepingContingent'),
  (':ClaimNoSuppression', ':claimText', 'not participate in the suppression of demonstrations'))
q('their presence will enable the Kazakh security forces to deal with the protesters with much greater force',
  (':KazakhSecurityForces', A, ':SecurityForce'),
  (':KazakhSecurityForces', 'rdfs:label', 'Kazakh security forces'),
  (':KazakhSecurityForces', ':country', ':Kazakhstan'),
  (':ClaimGreaterForce', A, ':Claim'),
  (':ClaimGreaterForce', ':claimant', ':DraganSutanovac'),
  (':ClaimGreaterForce', ':claimKind', 'prediction'),
  (':ClaimGreaterForce', ':about', ':KazakhSecurityForces'),
  (':ClaimGreaterForce', ':claimText', 'their presence will enable the Kazakh security forces to deal with the protesters with much greater force'))
q('The commander of the CSTO peacekeeping contingent is Colonel-General Andrey Serdyukov, otherwise the commander of the Russian airborne forces',
  (':Serdyukov', A, ':Person'),
  (':Serdyukov', 'rdfs:label', 'Andrey Serdyukov'),
  (':Serdyukov', 'skos:altLabel', 'Serdyukov'),
  (':Serdyukov', ':rank', 'Colonel-General'),
  (':CSTOPeacekeepingContingent', ':commander', ':Serdyukov'),
  (':RussianAirborneForces', ':commander', ':Serdyukov'),
  (':CSTODeployment2022', ':commander', ':Serdyukov'),
  (':RussianAirborneForces', A, ':MilitaryUnit'),
  (':RussianAirborneForces', 'rdfs:label', 'Russian airborne forces'),
  (':RussianAirborneForces', ':country', ':Russia'))
q('all engaged units have a high level of training with real combat experience from Ukraine',
  (':CSTOPeacekeepingContingent', ':trainingLevel', 'high'),
  (':CSTOPeacekeepingContingent', ':combatExperienceFrom', ':Ukraine'),
  (':Ukraine', A, ':Country'),
  (':Ukraine', 'rdfs:label', 'Ukraine'))
q('Although officials claim that these forces will not be used against the demonstrators',
  (':ClaimNotAgainstDemonstrators', A, ':Claim'),
  (':ClaimNotAgainstDemonstrators', ':claimant', ':UnnamedOfficials'),
  (':ClaimNotAgainstDemonstrators', ':claimKind', 'assurance'),
  (':ClaimNotAgainstDemonstrators', ':about', ':CSTOPeacekeepingContingent'),
  (':ClaimNotAgainstDemonstrators', ':claimText', 'these forces will not be used against the demonstrators'),
  (':UnnamedOfficials', A, ':Group'),
  (':UnnamedOfficials', 'rdfs:label', 'officials (not named in the article)'))
q('they also include a modern system for electronic warfare, which is also intended for locating, monitoring, interfering with and attacking civilian GSM communications',
  (':CSTOPeacekeepingContingent', ':equipment', ':ElectronicWarfareSystem'),
  (':ElectronicWarfareSystem', A, ':WeaponSystem'),
  (':ElectronicWarfareSystem', 'rdfs:label', 'modern system for electronic warfare'),
  (':ElectronicWarfareSystem', ':capability', 'locating civilian GSM communications'),
  (':ElectronicWarfareSystem', ':capability', 'monitoring civilian GSM communications'),
  (':ElectronicWarfareSystem', ':capability', 'interfering with civilian GSM communications'),
  (':ElectronicWarfareSystem', ':capability', 'attacking civilian GSM communications'))

# --- paragraph 7: Moscow's readiness
q('By quickly deploying significant forces to Kazakhstan, Moscow has explicitly shown its readiness to protect its own economic and foreign policy interests with its military power',
  (':Russia', ':contributedTo', ':CSTODeployment2022'),
  (':ClaimRussiaReadiness', A, ':Claim'),
  (':ClaimRussiaReadiness', ':claimant', ':DraganSutanovac'),
  (':ClaimRussiaReadiness', ':claimKind', 'assessment'),
  (':ClaimRussiaReadiness', ':about', ':Russia'),
  (':ClaimRussiaReadiness', ':claimText', 'Moscow has explicitly shown its readiness to protect its own economic and foreign policy interests with its military power'))
q('in case the situation worsens, they will send additional forces',
  (':ClaimAdditionalForces', A, ':Claim'),
  (':ClaimAdditionalForces', ':claimant', ':DraganSutanovac'),
  (':ClaimAdditionalForces', ':claimKind', 'prediction'),
  (':ClaimAdditionalForces', ':about', ':Russia'),
  (':ClaimAdditionalForces', ':claimText', 'in case the situation worsens, they will send additional forces'))
q('The question arises whether Russia was prepared in advance for the Kazakh crisis.',
  (':ClaimRussiaPreparedInAdvance', A, ':Claim'),
  (':ClaimRussiaPreparedInAdvance', ':claimant', ':DraganSutanovac'),
  (':ClaimRussiaPreparedInAdvance', ':claimKind', 'question'),
  (':ClaimRussiaPreparedInAdvance', ':about', ':Russia'),
  (':ClaimRussiaPreparedInAdvance', ':about', ':KazakhstanUnrest2022'),
  (':ClaimRussiaPreparedInAdvance', ':claimText', 'whether Russia was prepared in advance for the Kazakh crisis'))
q('Although such development of events will not help solve the basic social problems in Kazakhstan, it will provide Moscow with benefits based on the Russian military presence.',
  (':ClaimNoSolutionForSocialProblems', A, ':Claim'),
  (':ClaimNoSolutionForSocialProblems', ':claimant', ':DraganSutanovac'),
  (':ClaimNoSolutionForSocialProblems', ':claimKind', 'prediction'),
  (':ClaimNoSolutionForSocialProblems', ':about', ':CSTODeployment2022'),
  (':ClaimNoSolutionForSocialProblems', ':about', ':Kazakhstan'),
  (':ClaimNoSolutionForSocialProblems', ':claimText', 'such development of events will not help solve the basic social problems in Kazakhstan'),
  (':ClaimBenefitsForMoscow', A, ':Claim'),
  (':ClaimBenefitsForMoscow', ':claimant', ':DraganSutanovac'),
  (':ClaimBenefitsForMoscow', ':claimKind', 'prediction'),
  (':ClaimBenefitsForMoscow', ':about', ':CSTODeployment2022'),
  (':ClaimBenefitsForMoscow', ':about', ':Russia'),
  (':ClaimBenefitsForMoscow', ':claimText', 'it will provide Moscow with benefits based on the Russian military presence'))
q('through coalition engagement, it secured the formal political legitimacy of the CSTO, which has long since lost its credibility',
  (':ClaimCoalitionLegitimacy', A, ':Claim'),
  (':ClaimCoalitionLegitimacy', ':claimant', ':DraganSutanovac'),
  (':ClaimCoalitionLegitimacy', ':claimKind', 'assessment'),
  (':ClaimCoalitionLegitimacy', ':about', ':CSTO'),
  (':ClaimCoalitionLegitimacy', ':about', ':Russia'),
  (':ClaimCoalitionLegitimacy', ':claimText', 'through coalition engagement, it secured the formal political legitimacy of the CSTO'),
  (':ClaimCSTOCredibility', A, ':Claim'),
  (':ClaimCSTOCredibility', ':claimant', ':DraganSutanovac'),
  (':ClaimCSTOCredibility', ':claimKind', 'assessment'),
  (':ClaimCSTOCredibility', ':about', ':CSTO'),
  (':ClaimCSTOCredibility', ':claimText', 'the CSTO, which has long since lost its credibility'))

# --- paragraph 8: demands, Serbia, Duma, Patriarch
q('It is indisputable that the Russian military presence will not come cheap for Kazakhstan in terms of preserving sovereignty, but also in terms of weakening of any future government that will constantly have to provide evidence of loyalty',
  (':ClaimSovereigntyCost', A, ':Claim'),
  (':ClaimSovereigntyCost', ':claimant', ':DraganSutanovac'),
  (':ClaimSovereigntyCost', ':claimKind', 'prediction'),
  (':ClaimSovereigntyCost', ':about', ':Kazakhstan'),
  (':ClaimSovereigntyCost', ':claimText', 'the Russian military presence will not come cheap for Kazakhstan in terms of preserving sovereignty, but also in terms of weakening of any future government that will constantly have to provide evidence of loyalty'))
q('Public calls are already being heard in Moscow to compensate the military engagement through the recognition of Crimea’s annexation by Kazakhstan, the return of the Cyrillic alphabet and the introduction of Russian as the second official language',
  (':MoscowCompensationCalls', A, ':Demand'),
  (':MoscowCompensationCalls', 'rdfs:label', 'Public calls in Moscow for Kazakhstan to compensate the military engagement'),
  (':MoscowCompensationCalls', ':claimant', ':PublicVoicesInMoscow'),
  (':PublicVoicesInMoscow', A, ':Group'),
  (':PublicVoicesInMoscow', 'rdfs:label', 'public voices in Moscow (not named in the article)'),
  (':MoscowCompensationCalls', ':demandedOf', ':Kazakhstan'),
  (':MoscowCompensationCalls', ':inReturnFor', ':CSTODeployment2022'),
  (':DemandCrimeaRecognition', A, ':Demand'),
  (':DemandCrimeaRecognition', 'rdfs:label', 'Recognition of Crimea’s annexation by Kazakhstan'),
  (':DemandCrimeaRecognition', ':partOf', ':MoscowCompensationCalls'),
  (':DemandCrimeaRecognition', ':about', ':Crimea'),
  (':DemandCyrillicAlphabet', A, ':Demand'),
  (':DemandCyrillicAlphabet', 'rdfs:label', 'Return of the Cyrillic alphabet'),
  (':DemandCyrillicAlphabet', ':partOf', ':MoscowCompensationCalls'),
  (':DemandCyrillicAlphabet', ':about', ':CyrillicAlphabet'),
  (':DemandRussianOfficialLanguage', A, ':Demand'),
  (':DemandRussianOfficialLanguage', 'rdfs:label', 'Introduction of Russian as the second official language'),
  (':DemandRussianOfficialLanguage', ':partOf', ':MoscowCompensationCalls'),
  (':DemandRussianOfficialLanguage', ':about', ':RussianLanguage'),
  (':Crimea', A, ':Territory'),
  (':Crimea', 'rdfs:label', 'Crimea'),
  (':CyrillicAlphabet', A, ':WritingSystem'),
  (':CyrillicAlphabet', 'rdfs:label', 'Cyrillic alphabet'),
  (':RussianLanguage', A, ':Language'),
  (':RussianLanguage', 'rdfs:label', 'Russian'))
q('during which Serbia pays in advance for the engagement of Russian personnel and equipment',
  (':SerbiaRussiaEmergencyArrangement', A, ':Arrangement'),
  (':SerbiaRussiaEmergencyArrangement', 'rdfs:label', 'Serbia paying Russia in advance for personnel and equipment in emergency situations'),
  (':SerbiaRussiaEmergencyArrangement', ':payer', ':Serbia'),
  (':SerbiaRussiaEmergencyArrangement', ':provider', ':Russia'),
  (':SerbiaRussiaEmergencyArrangement', ':paymentTiming', 'in advance'),
  (':Serbia', A, ':Country'),
  (':Serbia', 'rdfs:label', 'Serbia'))
q('Kazakhstan will certainly and directly pay for the engagement of CSTO troops',
  (':ClaimKazakhstanPays', A, ':Claim'),
  (':ClaimKazakhstanPays', ':claimant', ':DraganSutanovac'),
  (':ClaimKazakhstanPays', ':claimKind', 'prediction'),
  (':ClaimKazakhstanPays', ':about', ':CSTODeployment2022'),
  (':ClaimKazakhstanPays', ':claimText', 'Kazakhstan will certainly and directly pay for the engagement of CSTO troops'))
q('The deputy chairman of the Russian State Duma even suggested that the Russian peacekeeping contingent be kept in Kazakhstan for an unlimited amount of time in order to protect the population of the Russian-speaking area',
  (':DumaDeputyChairman', A, ':Person'),
  (':DumaDeputyChairman', 'rdfs:label', 'Deputy chairman of the Russian State Duma (not named in the article)'),
  (':DumaDeputyChairman', ':deputyChairmanOf', ':RussianStateDuma'),
  (':RussianStateDuma', A, ':Organization'),
  (':RussianStateDuma', 'rdfs:label', 'Russian State Duma'),
  (':RussianStateDuma', ':country', ':Russia'),
  (':ProposalUnlimitedStay', A, ':Proposal'),
  (':ProposalUnlimitedStay', 'rdfs:label', 'Proposal to keep the Russian contingent in Kazakhstan for an unlimited time'),
  (':ProposalUnlimitedStay', ':claimant', ':DumaDeputyChairman'),
  (':ProposalUnlimitedStay', ':about', ':RussianContingent'),
  (':ProposalUnlimitedStay', ':claimText', 'the Russian peacekeeping contingent be kept in Kazakhstan for an unlimited amount of time in order to protect the population of the Russian-speaking area'))
q('The vocabulary of Russian nationalists has not recognized the sovereignty of the post-Soviet republics for a long time',
  (':RussianNationalists', A, ':Group'),
  (':RussianNationalists', 'rdfs:label', 'Russian nationalists'),
  (':ClaimNationalistsSovereignty', A, ':Claim'),
  (':ClaimNationalistsSovereignty', ':claimant', ':DraganSutanovac'),
  (':ClaimNationalistsSovereignty', ':claimKind', 'assessment'),
  (':ClaimNationalistsSovereignty', ':about', ':RussianNationalists'),
  (':ClaimNationalistsSovereignty', ':claimText', 'The vocabulary of Russian nationalists has not recognized the sovereignty of the post-Soviet republics for a long time'))
q('but now it is moving towards the notions of the protection of the nation, the “Russian world” and the military protection of the Russian language',
  (':ClaimNationalistRhetoricShift', A, ':Claim'),
  (':ClaimNationalistRhetoricShift', ':claimant', ':DraganSutanovac'),
  (':ClaimNationalistRhetoricShift', ':claimKind', 'assessment'),
  (':ClaimNationalistRhetoricShift', ':about', ':RussianNationalists'),
  (':ClaimNationalistRhetoricShift', ':about', ':RussianWorld'),
  (':ClaimNationalistRhetoricShift', ':about', ':RussianLanguage'),
  (':ClaimNationalistRhetoricShift', ':claimText', 'now it is moving towards the notions of the protection of the nation, the “Russian world” and the military protection of the Russian language'))
q('Today, Moscow is no longer talking about the area of the former Soviet Union, but about the Russian world',
  (':RussianWorld', A, ':Concept'),
  (':RussianWorld', 'rdfs:label', 'Russian world'),
  (':Russia', ':promotesConcept', ':RussianWorld'))
q('the Patriarch of all Russia is even more exact, with referring to his believers as inhabitants of the “historical Russia” during his Christmas address',
  (':PatriarchOfAllRussia', A, ':Person'),
  (':PatriarchOfAllRussia', 'rdfs:label', 'Patriarch of all Russia'),
  (':PatriarchChristmasAddress', A, ':Speech'),
  (':PatriarchChristmasAddress', A, ':Event'),
  (':PatriarchChristmasAddress', 'rdfs:label', 'Christmas address of the Patriarch of all Russia'),
  (':PatriarchChristmasAddress', ':speaker', ':PatriarchOfAllRussia'),
  (':ClaimHistoricalRussia', A, ':Claim'),
  (':ClaimHistoricalRussia', ':claimant', ':PatriarchOfAllRussia'),
  (':ClaimHistoricalRussia', ':claimKind', 'characterization'),
  (':ClaimHistoricalRussia', ':madeIn', ':PatriarchChristmasAddress'),
  (':ClaimHistoricalRussia', ':about', ':HistoricalRussia'),
  (':ClaimHistoricalRussia', ':claimText', 'historical Russia'),
  (':HistoricalRussia', A, ':Concept'),
  (':HistoricalRussia', 'rdfs:label', 'historical Russia'))

# --- paragraph 9: international community
q('the entire international community, and especially the Western one, was surprised by the rapid development of uncontrolled violence in a very closed and conservative society such as Kazakhstan is',
  (':ClaimWestSurprised', A, ':Claim'),
  (':ClaimWestSurprised', ':claimant', ':DraganSutanovac'),
  (':ClaimWestSurprised', ':claimKind', 'assessment'),
  (':ClaimWestSurprised', ':about', ':KazakhstanUnrest2022'),
  (':ClaimWestSurprised', ':claimText', 'the entire international community, and especially the Western one, was surprised by the rapid development of uncontrolled violence'))
q('which indicates that there is little chance of third party involvement',
  (':ClaimLittleChanceOfThirdParty', A, ':Claim'),
  (':ClaimLittleChanceOfThirdParty', ':claimant', ':DraganSutanovac'),
  (':ClaimLittleChanceOfThirdParty', ':claimKind', 'prediction'),
  (':ClaimLittleChanceOfThirdParty', ':about', ':Kazakhstan'),
  (':ClaimLittleChanceOfThirdParty', ':claimText', 'there is little chance of third party involvement'))
q('Even the world’s leading media did not adequately report from this Central Asian country',
  (':LeadingWorldMedia', A, ':Group'),
  (':LeadingWorldMedia', 'rdfs:label', 'the world’s leading media (not named in the article)'),
  (':ClaimInadequateReporting', A, ':Claim'),
  (':ClaimInadequateReporting', ':claimant', ':DraganSutanovac'),
  (':ClaimInadequateReporting', ':claimKind', 'assessment'),
  (':ClaimInadequateReporting', ':about', ':LeadingWorldMedia'),
  (':ClaimInadequateReporting', ':about', ':KazakhstanUnrest2022'),
  (':ClaimInadequateReporting', ':claimText', 'the world’s leading media did not adequately report from this Central Asian country'))
q('all the news was mostly spread through Moscow',
  (':ClaimNewsThroughMoscow', A, ':Claim'),
  (':ClaimNewsThroughMoscow', ':claimant', ':DraganSutanovac'),
  (':ClaimNewsThroughMoscow', ':claimKind', 'assessment'),
  (':ClaimNewsThroughMoscow', ':about', ':KazakhstanUnrest2022'),
  (':ClaimNewsThroughMoscow', ':claimText', 'all the news was mostly spread through Moscow'))
q('the lack of an adequate response from the international community, including the UN and the OSCE',
  (':UnitedNations', A, ':Organization'),
  (':UnitedNations', 'rdfs:label', 'United Nations'),
  (':UnitedNations', 'skos:altLabel', 'UN'),
  (':OSCE', A, ':Organization'),
  (':OSCE', 'rdfs:label', 'Organization for Security and Co-operation in Europe'),
  (':OSCE', 'skos:altLabel', 'OSCE'),
  (':ClaimNoAdequateResponse', A, ':Claim'),
  (':ClaimNoAdequateResponse', ':claimant', ':DraganSutanovac'),
  (':ClaimNoAdequateResponse', ':claimKind', 'assessment'),
  (':ClaimNoAdequateResponse', ':about', ':UnitedNations'),
  (':ClaimNoAdequateResponse', ':about', ':OSCE'),
  (':ClaimNoAdequateResponse', ':claimText', 'the lack of an adequate response from the international community, including the UN and the OSCE'))
q('the West’s interest in the post-Soviet space is declining',
  (':ClaimWestInterestDeclining', A, ':Claim'),
  (':ClaimWestInterestDeclining', ':claimant', ':DraganSutanovac'),
  (':ClaimWestInterestDeclining', ':claimKind', 'assessment'),
  (':ClaimWestInterestDeclining', ':about', ':PostSovietSpace'),
  (':ClaimWestInterestDeclining', ':claimText', 'the West’s interest in the post-Soviet space is declining'))

# --- paragraph 10: outlook, EAEU, Putin, Xi
q('Kazakhstan will face much higher expectations from Moscow, which will limit the country’s relations with both the West and China',
  (':ClaimHigherExpectations', A, ':Claim'),
  (':ClaimHigherExpectations', ':claimant', ':DraganSutanovac'),
  (':ClaimHigherExpectations', ':claimKind', 'prediction'),
  (':ClaimHigherExpectations', ':about', ':Kazakhstan'),
  (':ClaimHigherExpectations', ':claimText', 'Kazakhstan will face much higher expectations from Moscow, which will limit the country’s relations with both the West and China'))
q('the possibility of establishing greater autonomy for the northern regions of Kazakhstan',
  (':NorthernKazakhstan', A, ':Territory'),
  (':NorthernKazakhstan', 'rdfs:label', 'northern regions of Kazakhstan'),
  (':NorthernKazakhstan', ':partOf', ':Kazakhstan'),
  (':ClaimNorthernAutonomy', A, ':Claim'),
  (':ClaimNorthernAutonomy', ':claimant', ':DraganSutanovac'),
  (':ClaimNorthernAutonomy', ':claimKind', 'prediction'),
  (':ClaimNorthernAutonomy', ':about', ':NorthernKazakhstan'),
  (':ClaimNorthernAutonomy', ':claimText', 'the possibility of establishing greater autonomy for the northern regions of Kazakhstan'))
q('Russia’s military engagement could consequently monopolize the oil and gas market in Central Asia',
  (':ClaimEnergyMonopoly', A, ':Claim'),
  (':ClaimEnergyMonopoly', ':claimant', ':DraganSutanovac'),
  (':ClaimEnergyMonopoly', ':claimKind', 'prediction'),
  (':ClaimEnergyMonopoly', ':about', ':CentralAsia'),
  (':ClaimEnergyMonopoly', ':about', ':Russia'),
  (':ClaimEnergyMonopoly', ':claimText', 'Russia’s military engagement could consequently monopolize the oil and gas market in Central Asia'))
q('So far, Kazakh authorities have rejected Moscow’s pressure to accept an agreement on the Eurasian Economic Union’s (EAEU) regional standard tariff on oil and gas prices',
  (':EAEU', A, ':Organization'),
  (':EAEU', 'rdfs:label', 'Eurasian Economic Union'),
  (':EAEU', 'skos:altLabel', 'EAEU'),
  (':EAEUOilGasTariffAgreement', A, ':Agreement'),
  (':EAEUOilGasTariffAgreement', 'rdfs:label', 'Agreement on the EAEU regional standard tariff on oil and gas prices'),
  (':EAEUOilGasTariffAgreement', ':organization', ':EAEU'),
  (':EAEUOilGasTariffAgreement', ':commodity', ':Oil'),
  (':EAEUOilGasTariffAgreement', ':commodity', ':NaturalGas'),
  (':EAEUOilGasTariffAgreement', ':pressedBy', ':Russia'),
  (':EAEUOilGasTariffAgreement', ':rejectedBy', ':Kazakhstan'),
  (':EAEUOilGasTariffAgreement', ':status', 'rejected so far'),
  (':Oil', A, ':Commodity'),
  (':Oil', 'rdfs:label', 'oil'),
  (':NaturalGas', A, ':Commodity'),
  (':NaturalGas', 'rdfs:label', 'gas'))
q('which would give Russia control over trade in these energy sources between China and Central Asia',
  (':EAEUOilGasTariffAgreement', ':wouldGiveControlTo', ':Russia'),
  (':EAEUOilGasTariffAgreement', ':tradeBetween', ':China'),
  (':EAEUOilGasTariffAgreement', ':tradeBetween', ':CentralAsia'))
q('For Russia, this would represent a huge negotiating potential in future agreements with China',
  (':ClaimNegotiatingPotential', A, ':Claim'),
  (':ClaimNegotiatingPotential', ':claimant', ':DraganSutanovac'),
  (':ClaimNegotiatingPotential', ':claimKind', 'prediction'),
  (':ClaimNegotiatingPotential', ':about', ':EAEUOilGasTariffAgreement'),
  (':ClaimNegotiatingPotential', ':claimText', 'For Russia, this would represent a huge negotiating potential in future agreements with China'))
q('Kazakhstan would lose its already fragile economic independence and gain uncertain predictability',
  (':ClaimEconomicIndependence', A, ':Claim'),
  (':ClaimEconomicIndependence', ':claimant', ':DraganSutanovac'),
  (':ClaimEconomicIndependence', ':claimKind', 'prediction'),
  (':ClaimEconomicIndependence', ':about', ':EAEUOilGasTariffAgreement'),
  (':ClaimEconomicIndependence', ':claimText', 'Kazakhstan would lose its already fragile economic independence and gain uncertain predictability'))
q('Putin emphasized that he would not allow destabilization through colour revolutions',
  (':Putin', A, ':Person'),
  (':Putin', 'rdfs:label', 'Vladimir Putin'),
  (':Putin', 'skos:altLabel', 'Putin'),
  (':ClaimPutinColourRevolutions', A, ':Claim'),
  (':ClaimPutinColourRevolutions', ':claimant', ':Putin'),
  (':ClaimPutinColourRevolutions', ':claimKind', 'statement of intent'),
  (':ClaimPutinColourRevolutions', ':about', ':KazakhstanUnrest2022'),
  (':ClaimPutinColourRevolutions', ':claimText', 'he would not allow destabilization through colour revolutions'))
q('the Russian military presence, without a defined time limit, will increase tensions in Kazakhstan, but also in Central Asia',
  (':ClaimIncreasedTensions', A, ':Claim'),
  (':ClaimIncreasedTensions', ':claimant', ':DraganSutanovac'),
  (':ClaimIncreasedTensions', ':claimKind', 'prediction'),
  (':ClaimIncreasedTensions', ':about', ':CentralAsia'),
  (':ClaimIncreasedTensions', ':about', ':Kazakhstan'),
  (':ClaimIncreasedTensions', ':claimText', 'the Russian military presence, without a defined time limit, will increase tensions in Kazakhstan, but also in Central Asia'))
q('Chinese President Xi Jinping also offered to Tokayev support from Beijing and called the riots an attempt to execute a colour revolution',
  (':XiJinping', A, ':Person'),
  (':XiJinping', 'rdfs:label', 'Xi Jinping'),
  (':XiJinping', ':presidentOf', ':China'),
  (':ChineseSupportOffer', A, ':Offer'),
  (':ChineseSupportOffer', A, ':Event'),
  (':ChineseSupportOffer', 'rdfs:label', 'Offer of support from Beijing to Tokayev'),
  (':ChineseSupportOffer', ':offeredBy', ':XiJinping'),
  (':ChineseSupportOffer', ':offeredTo', ':Tokayev'),
  (':ChineseSupportOffer', ':onBehalfOf', ':China'),
  (':ClaimXiColourRevolution', A, ':Claim'),
  (':ClaimXiColourRevolution', ':claimant', ':XiJinping'),
  (':ClaimXiColourRevolution', ':claimKind', 'characterization'),
  (':ClaimXiColourRevolution', ':about', ':KazakhstanUnrest2022'),
  (':ClaimXiColourRevolution', ':claimText', 'an attempt to execute a colour revolution'))
q('his words indicate a clearly expressed Chinese interest and desire that, at this moment, the projection of influence by Beijing is not brought into collision with Moscow',
  (':ClaimChinaAvoidsCollision', A, ':Claim'),
  (':ClaimChinaAvoidsCollision', ':claimant', ':DraganSutanovac'),
  (':ClaimChinaAvoidsCollision', ':claimKind', 'assessment'),
  (':ClaimChinaAvoidsCollision', ':about', ':China'),
  (':ClaimChinaAvoidsCollision', ':claimText', 'a clearly expressed Chinese interest and desire that, at this moment, the projection of influence by Beijing is not brought into collision with Moscow'))

# ------------------------------------------------------------------ background sources
# One graph per public source the background facts come from: its bibliographic data (title,
# publisher, date, URL) and the facts and figures it states, in the dataset's terms; no text of
# it. Titles marked so in the comment are read from the page address, not from the page.
CONTINGENTS = [(':RussianContingent', ':Russia'), (':BelarusianContingent', ':Belarus'),
               (':ArmenianContingent', ':Armenia'), (':TajikContingent', ':Tajikistan'),
               (':KyrgyzContingent', ':Kyrgyzstan')]
KYRGYZ_LABEL = 'Kyrgyz contingent of the CSTO peacekeeping forces'
SOURCES = [
  dict(slug='armradio-2022-01-06-csto-forces-deployed',
       title='CSTO peacekeeping forces deployed to Kazakhstan',
       publisher='Public Radio of Armenia', date='2022-01-06',
       url='https://en.armradio.am/2022/01/06/csto-peacekeeping-forces-deployed-to-kazakhstan/',
       comment='Reports a statement of the CSTO Secretariat: by a decision of the CSTO Collective Security Council of 6 January 2022 the Collective Peacekeeping Forces were sent to Kazakhstan for a limited time, with units of the armed forces of Russia, Belarus, Armenia, Tajikistan and Kyrgyzstan; no troop numbers. Title read from the page address.',
       facts=[(':CSTODeployment2022', ':startDate', D('2022-01-06')),
              (':CSTOPeacekeepingContingent', ':partOf', ':CSTODeployment2022'),
              (':KyrgyzContingent', 'rdfs:label', KYRGYZ_LABEL),
              (':CSTOPeacekeepingContingent', ':nationalContingents', 5)]
             + [t for c, country in CONTINGENTS
                for t in ((c, A, ':MilitaryContingent'), (c, ':sentBy', country),
                          (c, ':partOf', ':CSTOPeacekeepingContingent'), (c, ':deployedTo', ':Kazakhstan'))]),
  dict(slug='armradio-2022-01-07-kyrgyz-contingent',
       title='Kyrgyzstan to send 150 peacekeepers to Kazakhstan as part of CSTO mission',
       publisher='Public Radio of Armenia', date='2022-01-07',
       url='https://en.armradio.am/2022/01/07/kyrgyzstan-to-send-150-peacekeepers-to-kazakhstan-as-part-of-csto-mission/',
       comment='Reports, citing TASS, the vote of the parliament of Kyrgyzstan on 7 January 2022 to send 150 servicemen and 19 vehicles to Kazakhstan within the CSTO peacekeeping mission.',
       facts=[(':KyrgyzContingent', A, ':MilitaryContingent'),
              (':KyrgyzContingent', 'rdfs:label', KYRGYZ_LABEL),
              (':KyrgyzContingent', ':sentBy', ':Kyrgyzstan'),
              (':KyrgyzContingent', ':soldiers', 150),
              (':KyrgyzContingent', ':figuresStatus', 'approved by the parliament of Kyrgyzstan on 7 January 2022')]),
  dict(slug='panorama-2022-01-07-armenian-contingent',
       title='Armenia sends 100 peacekeepers to Kazakhstan',
       publisher='Panorama.am', date='2022-01-07',
       url='https://panorama.am/en/news/2022/01/07/Armenia-peacekeepers-Kazakhstan/2623551',
       comment='Reports a statement of the Armenian Defence Ministry of 7 January 2022: a peacekeeping unit of 100 sent to Kazakhstan for a limited time within the CSTO mission, on the basis of Article 4 of the Collective Security Treaty, to guard strategic facilities only.',
       facts=[(':ArmenianContingent', A, ':MilitaryContingent'),
              (':ArmenianContingent', ':sentBy', ':Armenia'),
              (':ArmenianContingent', ':soldiers', 100),
              (':ArmenianContingent', ':figuresStatus', 'stated by the Armenian Defence Ministry on 7 January 2022')]),
  dict(slug='tvpworld-2022-01-13-csto-withdrawal',
       title='CSTO forces withdraw from Kazakhstan: Russian Def Min',
       publisher='TVP World', date='2022-01-13',
       url='https://tvpworld.com/57934280/csto-forces-withdraw-from-kazakhstan-russian-def-min',
       comment='Reports that the CSTO forces began to withdraw from Kazakhstan (the Russian Defence Ministry, on a Thursday) and gives the contingents: Armenia 100, Kyrgyzstan about 150, Tajikistan about 200, a company from Belarus. The page as stored shows no date; 13 January 2022, the Thursday the withdrawal began, is inferred from its content.',
       facts=[(':ArmenianContingent', A, ':MilitaryContingent'),
              (':ArmenianContingent', ':sentBy', ':Armenia'),
              (':ArmenianContingent', ':soldiers', 100)]),
  dict(slug='urdupoint-2022-01-05-lpg-electronic-trading',
       title='Kazakh Gov\'t Delays Transition To LNG Auction Trading For 1 Year Amid Fuel-Price Protests',
       publisher='UrduPoint (report of Sputnik)', date='2022-01-05',
       url='https://www.urdupoint.com/en/business/kazakh-govt-delays-transition-to-lng-auction-1441646.html',
       comment='Reports that the move to selling liquefied gas through electronic trading, official from 1 January 2022, made its price jump and set off the protests, and that the government put off the full move by a year.',
       facts=[(':LiquefiedGasPriceIncrease', ':startDate', D('2022-01-01'))]),
  dict(slug='urdupoint-2022-01-06-tokayev-appeal',
       title='Kazakhstan Appeals To Moscow-led Alliance For Help Against \'terrorists\'',
       publisher='UrduPoint', date='2022-01-06',
       url='https://www.urdupoint.com/en/miscellaneous/kazakhstan-appeals-to-moscow-led-alliance-for-1442216.html',
       comment='Report datelined Moscow, 5 January 2022: President Tokayev said on state television that day (a Wednesday) that he had asked the heads of the CSTO states for help.',
       facts=[(':CSTODeployment2022', ':requestedBy', ':Tokayev'),
              (':CSTODeployment2022', ':requestDate', D('2022-01-05'))]),
  dict(slug='europediplomatic-2022-01-06-csto-decision',
       title='Kazakhstan: CSTO troops to quell protests',
       publisher='Europe Diplomatic', creator='Anna van Densky', date='2022-01-06',
       url='https://europediplomatic.com/2022/01/06/kazakhstan-csto-troops-to-quell-protests/',
       comment='Reports the decision of the CSTO Collective Security Council, announced on 6 January 2022 by its chair, the Prime Minister of Armenia, to send the peacekeeping forces under Article 4 of the Collective Security Treaty; dates the first protests, in Zhanaozen and Aktau, to 2 January. Title read from the page address.',
       facts=[(':KazakhstanUnrest2022', ':startDate', D('2022-01-02')),
              (':KazakhstanUnrest2022', ':startedIn', ':Zhanaozen'),
              (':KazakhstanUnrest2022', ':startedIn', ':Aktau'),
              (':Aktau', A, ':City'),
              (':Aktau', 'rdfs:label', 'Aktau'),
              (':Aktau', ':country', ':Kazakhstan'),
              (':CSTODeployment2022', ':legalBasis', ':CSTArticle4')]),
  dict(slug='armradio-2022-01-13-withdrawal-date',
       title='Withdrawal of CSTO peacekeepers from Kazakhstan to be completed by January 19',
       publisher='Public Radio of Armenia', date='2022-01-13',
       url='https://en.armradio.am/2022/01/13/withdrawal-of-csto-peacekeepers-from-kazakhstan-to-be-completed-on-january-19/',
       comment='Reports, citing TASS, the Russian defence minister telling the Russian president that the CSTO forces would leave Kazakhstan by 19 January 2022 inclusive: the :endDate here is that announced date (the completion is reported on 20 January, see the SB. Belarus Segodnya graph).',
       facts=[(':CSTODeployment2022', ':endDate', D('2022-01-19'))]),
  dict(slug='sb-2022-01-20-withdrawal-completed',
       title='CSTO Secretary General informed on completion of peacekeepers’ withdrawal from Kazakhstan',
       publisher='SB. Belarus Segodnya', date='2022-01-20',
       url='https://www.sb.by/en/csto-secretary-general-informed-on-completion-of-peacekeepers-withdrawal-from-kazakhstan.html',
       comment='Reports the CSTO Secretary General informing the Collective Security Council that the withdrawal of the member states\' contingents from Kazakhstan was complete, without losses.',
       facts=[(':CSTODeployment2022', ':status', 'completed: the contingents have left Kazakhstan')]),
]

# Facts no cited source states: general knowledge of the curators, in a graph of their own.
GENERAL = [
  (':ZhanaozenKillings2011', ':date', D('2011-12-16')),
  (':Tokayev', ':inOfficeSince', D('2019-03-20')),
  (':Nazarbayev', ':inOfficeUntil', D('2019-03-20')),
  (':Nazarbayev', ':inOfficeSince', D('1991-12-16')),
  (':Nazarbayev', 'rdfs:comment', 'President of the Kazakh SSR from 24 April 1990; president of independent Kazakhstan from its declaration of independence on 16 December 1991 (elected on 1 December 1991).'),
  (':Astana', 'rdfs:label', 'Astana'),
  (':Astana', ':formerName', 'Nur-Sultan'),
  (':Astana', 'rdfs:comment', 'Named Nur-Sultan from March 2019 to September 2022, Astana before and after.'),
  (':ArmenianAzerbaijaniConflict', 'rdfs:comment', 'The article names no dates: the conflict as a whole (over Nagorno-Karabakh since 1988), including the 2020 war and the later incursions into Armenia.'),
  (':ArmenianAzerbaijaniConflict', ':startDate', Y('1988')),
  (':NagornoKarabakhWar2020', A, ':ArmedConflict'),
  (':NagornoKarabakhWar2020', A, ':Event'),
  (':NagornoKarabakhWar2020', 'rdfs:label', '2020 Nagorno-Karabakh war'),
  (':NagornoKarabakhWar2020', ':partOf', ':ArmenianAzerbaijaniConflict'),
  (':NagornoKarabakhWar2020', ':startDate', D('2020-09-27')),
  (':NagornoKarabakhWar2020', ':endDate', D('2020-11-10')),
  (':AttacksOnArmenia', 'rdfs:comment', 'The article does not date them. Probably the incursions of Azerbaijani forces into the territory of Armenia from May 2021 on (not the 2020 war, fought in and around Nagorno-Karabakh); an uncertain identification.'),
  (':KyrgyzTajikClashes', ':startDate', D('2021-04-28')),
  (':KyrgyzTajikClashes', ':endDate', D('2021-05-01')),
  (':Putin', ':presidentOf', ':Russia'),
  (':CSTO', ':leadingMember', ':Russia'),
  (':CGNPC', ':country', ':China'),
  (':PatriarchOfAllRussia', 'skos:altLabel', 'Patriarch Kirill'),
  (':PatriarchChristmasAddress', ':date', D('2022-01-07')),
  (':Crimea', ':annexedBy', ':Russia'),
  (':Crimea', ':annexationYear', Y('2014')),
]
# Wikidata items of countries, organizations and people: general knowledge, only the items the
# curators are sure of (the CSTO, the EAEU and most people have none here for that reason).
WIKIDATA = [
  ('Armenia', 'Q399'),
  ('Azerbaijan', 'Q227'),
  ('Belarus', 'Q184'),
  ('China', 'Q148'),
  ('Kazakhstan', 'Q232'),
  ('Kyrgyzstan', 'Q813'),
  ('Russia', 'Q159'),
  ('Serbia', 'Q403'),
  ('Tajikistan', 'Q863'),
  ('Turkey', 'Q43'),
  ('Ukraine', 'Q212'),
  ('UnitedStates', 'Q30'),
  ('EuropeanUnion', 'Q458'),
  ('UnitedNations', 'Q1065'),
  ('Putin', 'Q7747'),
  ('XiJinping', 'Q15031'),
]
GENERAL += [(':' + name, 'skos:exactMatch', f'<http://www.wikidata.org/entity/{qid}>') for name, qid in WIKIDATA]

# ------------------------------------------------------------------ vocabulary
CLASSES = [
  ('Evidence', None, 'A verbatim passage of a source with character offsets; the reifier (rdf:reifies) of the facts it states.'),
  ('MilitaryAlliance', 'Organization', 'An organization for collective defence.'),
  ('Company', 'Organization', 'A business enterprise.'),
  ('Person', None, 'A human being (possibly unnamed in the source).'),
  ('Group', None, 'A set of people or organizations acting or referred to together, not a formal organization.'),
  ('EthnicGroup', 'Group', 'An ethnic group.'),
  ('SecurityForce', 'Organization', 'Police or security forces of a country.'),
  ('MilitaryUnit', None, 'A military force or unit.'),
  ('MilitaryContingent', 'MilitaryUnit', 'One country\'s contingent within a multinational force (n-ary: country, soldiers, force).'),
  ('Event', None, 'Something that happened at a time and place.'),
  ('EventSeries', 'Event', 'A series of related events.'),
  ('Protest', 'Event', 'A protest or demonstration.'),
  ('Massacre', 'Event', 'A killing of several people.'),
  ('ArmedConflict', 'Event', 'An armed conflict or clash between states.'),
  ('MilitaryDeployment', 'Event', 'A deployment of military forces to a country (n-ary: organization, force, destination, commander, legal basis).'),
  ('Crisis', 'Event', 'A crisis, e.g. in an economic sector.'),
  ('PriceChange', 'Event', 'A change of a commodity price (n-ary: commodity, place, price before/after, currency, percent).'),
  ('ArmsTransfer', 'Event', 'An export of weapons (n-ary: exporter, importer, item, period).'),
  ('Offer', 'Event', 'An offer of support from one party to another.'),
  ('Speech', 'Event', 'An address or speech.'),
  ('EconomicActivity', None, 'An economic activity carried out in a place.'),
  ('JointProject', None, 'A project run jointly by several parties.'),
  ('Policy', None, 'A policy or attitude of a government.'),
  ('Agreement', None, 'An agreement, proposed or concluded.'),
  ('Arrangement', None, 'A standing arrangement between parties.'),
  ('Treaty', None, 'An international treaty.'),
  ('TreatyArticle', None, 'An article of a treaty.'),
  ('Commodity', None, 'A good that is traded or produced.'),
  ('WeaponSystem', None, 'A weapon, munition or military equipment system.'),
  ('WritingSystem', None, 'An alphabet or script.'),
  ('Territory', None, 'A part of a country\'s territory, or a territory one country annexed from another (Crimea, the north of Kazakhstan); world regions and subregions are :Region and :Subregion of the world vocabulary.'),
  ('GeopoliticalArea', None, 'An area named for its history or politics rather than its geography (the post-Soviet space).'),
  ('Concept', None, 'An idea or notion used in discourse.'),
  ('SpeechAct', None, 'Something said by someone: a claim, demand or proposal. Kept apart from facts.'),
  ('Claim', 'SpeechAct', 'An assertion, characterization, assessment or prediction made by a claimant (not asserted as fact by the dataset).'),
  ('Demand', 'SpeechAct', 'A demand addressed to a party.'),
  ('Proposal', 'SpeechAct', 'A proposal or suggestion.'),
]
PROPS = [
  # provenance
  ('statedIn', 'Evidence', 'Source', 'The source graph the passage comes from.'),
  ('quote', 'Evidence', 'xsd:string', 'The verbatim passage.'),
  ('charStart', 'Evidence', 'xsd:integer', 'Offset of the first character of the quote in the source text (Unicode code points, 0-based).'),
  ('charEnd', 'Evidence', 'xsd:integer', 'Offset just past the last character of the quote (exclusive), in Unicode code points.'),
  ('textSha256', 'Source', 'xsd:string', 'SHA-256 (hex) of the UTF-8 text the offsets refer to.'),
  ('textLength', 'Source', 'xsd:integer', 'Length of that text in Unicode code points.'),
  ('offsetUnit', 'Source', 'xsd:string', 'How :charStart/:charEnd count.'),
  ('photoCredit', 'Source', None, 'Who the source credits for its photo.'),
  ('author', 'Source', 'Person', 'Author of the source (as a resource; dct:creator holds the name).'),
  ('publisherOrg', 'Source', 'Organization', 'Publisher of the source (as a resource; dct:publisher holds the name).'),
  ('dateNote', 'Source', 'xsd:string', 'How the date of the source was determined.'),
  # generic
  ('formerName', None, 'xsd:string', 'A name the resource had before.'),
  ('location', None, None, 'Where an event or activity takes place.'),
  ('country', None, 'Country', 'The country a place is in, or an organization or force belongs to.'),
  ('participant', None, None, 'A party taking part in an event or project.'),
  ('agent', None, None, 'Who carries out an activity or policy.'),
  ('concerns', None, None, 'What a policy is about.'),
  ('year', None, 'xsd:gYear', 'The year an event happened.'),
  ('date', None, 'xsd:date', 'The day an event happened.'),
  # deployment
  ('deployedTo', None, 'Country', 'The country forces are deployed to.'),
  ('force', 'MilitaryDeployment', 'MilitaryUnit', 'The force deployed.'),
  ('legalBasis', 'MilitaryDeployment', 'TreatyArticle', 'The treaty article invoked for the deployment.'),
  ('commander', None, 'Person', 'The commander of a deployment, a force or a unit.'),
  ('sentBy', 'MilitaryContingent', 'Country', 'The country that sent the contingent.'),
  ('soldiers', 'MilitaryContingent', 'xsd:integer', 'Number of soldiers.'),
  ('figuresStatus', None, 'xsd:string', 'Status of the figures given (e.g. "official").'),
  ('nationalContingents', 'MilitaryUnit', 'xsd:integer', 'Number of national contingents a multinational force consists of, as the source lists them.'),
  ('declaredTask', None, 'xsd:string', 'The task declared for a force.'),
  ('trainingLevel', None, 'xsd:string', 'Level of training of a force.'),
  ('combatExperienceFrom', None, 'Country', 'Where the force gained combat experience.'),
  ('equipment', None, 'WeaponSystem', 'Equipment a force includes.'),
  ('capability', 'WeaponSystem', 'xsd:string', 'What the system is intended for.'),
  ('weaponType', 'WeaponSystem', 'xsd:string', 'Kind of weapon.'),
  ('usedBy', 'WeaponSystem', 'WeaponSystem', 'The launcher or system a munition is for.'),
  ('rank', 'Person', 'xsd:string', 'Military rank.'),
  ('contributedTo', None, 'Event', 'A party that contributed to an event.'),
  ('requestedBy', None, 'Person', 'Who requested the deployment.'),
  ('requestDate', None, 'xsd:date', 'When the deployment was requested.'),
  # protests, economy
  ('violent', 'Event', 'xsd:boolean', 'Whether the event was violent.'),
  ('trigger', 'Event', 'Event', 'The immediate cause of an event.'),
  ('causedBy', None, None, 'A cause of an event or situation (among others).'),
  ('startedIn', 'Event', 'City', 'Where an event started.'),
  ('commodity', None, 'Commodity', 'The commodity concerned.'),
  ('priceBefore', 'PriceChange', 'xsd:decimal', 'Price before the change, in :currency.'),
  ('priceAfter', 'PriceChange', 'xsd:decimal', 'Price after the change, in :currency.'),
  ('currency', 'PriceChange', 'xsd:string', 'ISO 4217 currency code of the prices.'),
  ('percentChange', 'PriceChange', 'xsd:integer', 'Change in percent as stated by the source.'),
  ('scale', None, 'xsd:string', 'Scale of an activity, in the source\'s words.'),
  ('approximateCount', None, 'xsd:string', 'An approximate count in words (e.g. "hundreds of thousands").'),
  ('originCountry', None, 'Country', 'Country of origin.'),
  ('relocatedTo', None, 'Country', 'Country the group moved to.'),
  ('relocationReason', None, 'xsd:string', 'A reason for moving.'),
  ('perpetrator', 'Event', None, 'Who carried out a killing or attack.'),
  ('deaths', 'Event', 'xsd:integer', 'Number of people killed.'),
  ('victimGroup', 'Event', 'xsd:string', 'Who the victims were.'),
  ('target', 'Event', None, 'Who or what an attack or a protest was directed at.'),
  # persons, politics
  ('presidentOf', 'Person', None, 'Is (or was) the president of a country or organization.'),
  ('deputyChairmanOf', 'Person', 'Organization', 'Is a deputy chairman of.'),
  ('predecessor', 'Person', 'Person', 'The person\'s predecessor in office.'),
  ('timeInPower', 'Person', 'xsd:string', 'How long the person has been in power, in the source\'s words.'),
  ('inOfficeSince', 'Person', None, 'Start of the term of office as president (xsd:date, or xsd:gYear).'),
  ('inOfficeUntil', 'Person', 'xsd:date', 'End of the term of office as president.'),
  ('retainedRole', 'Person', 'xsd:string', 'A role or influence the person kept after leaving office.'),
  ('balancedRelationsWith', 'Person', None, 'A foreign partner the person balanced relations with.'),
  ('focusedRelationsOn', 'Person', None, 'A foreign partner the person focused relations on.'),
  ('satisfiedWith', None, None, 'The party is satisfied with.'),
  ('hasStrategicInterestIn', None, 'Country', 'The party has strategic interests in.'),
  ('leadingMember', 'Organization', 'Country', 'The leading member state of an organization.'),
  ('didNotInterveneIn', None, 'Event', 'The party did not intervene in or react to the event.'),
  ('exporter', 'ArmsTransfer', 'Country', 'Exporting country.'),
  ('importer', 'ArmsTransfer', 'Country', 'Importing country.'),
  ('item', 'ArmsTransfer', 'WeaponSystem', 'What was exported.'),
  ('during', None, 'Event', 'The event during which something happened.'),
  ('frequency', None, 'xsd:string', 'How often, in the source\'s words.'),
  ('promotesConcept', None, 'Concept', 'The party promotes the concept in its discourse.'),
  ('payer', 'Arrangement', 'Country', 'Who pays.'),
  ('provider', 'Arrangement', 'Country', 'Who provides personnel and equipment.'),
  ('paymentTiming', 'Arrangement', 'xsd:string', 'When payment is made.'),
  ('pressedBy', 'Agreement', None, 'Who pressures others to accept the agreement.'),
  ('rejectedBy', 'Agreement', None, 'Who rejected the agreement.'),
  ('status', None, 'xsd:string', 'Status in words.'),
  ('wouldGiveControlTo', 'Agreement', None, 'Who would gain control of trade through the agreement.'),
  ('tradeBetween', 'Agreement', None, 'A party of the trade the agreement would control.'),
  ('articleNumber', 'TreatyArticle', 'xsd:integer', 'Number of the article in its treaty.'),
  ('offeredBy', 'Offer', 'Person', 'Who made the offer.'),
  ('offeredTo', 'Offer', 'Person', 'To whom the offer was made.'),
  ('onBehalfOf', 'Offer', None, 'The party the offer was made for.'),
  ('speaker', 'Speech', 'Person', 'Who gave the speech.'),
  ('annexedBy', 'Territory', 'Country', 'The country that annexed the territory.'),
  ('annexationYear', 'Territory', 'xsd:gYear', 'Year of the annexation.'),
  # claims
  ('claimant', 'SpeechAct', None, 'Who made the claim, demand or proposal.'),
  ('claimKind', 'Claim', 'xsd:string', 'assessment, prediction, characterization, allegation, justification, assurance, statement of intent, or question (a doubt the claimant raises).'),
  ('claimText', 'SpeechAct', 'xsd:string', 'What was claimed, in the source\'s words (a verbatim part of the source text).'),
  ('about', 'SpeechAct', None, 'What the claim, demand or proposal is about.'),
  ('servesToInvoke', 'Claim', 'TreatyArticle', 'The treaty article the claim was made to invoke.'),
  ('madeIn', 'SpeechAct', 'Event', 'The speech or event in which the claim was made.'),
  ('demandedOf', 'Demand', None, 'Who is asked to fulfil the demand.'),
  ('inReturnFor', 'Demand', None, 'What the demand seeks compensation for.'),
]

# Defined in the world dataset's vocabulary graph (datasets/world/build-world.mjs), used here.
WORLD_VOC = NS + 'graph/world-vocabulary'
WORLD_CLASSES = [(c,) for c in ('Source', 'Country', 'City', 'Region', 'Subregion', 'Language', 'Organization')]
WORLD_PROPS = [(p,) for p in ('partOf', 'capitalOf', 'memberOf', 'organization', 'startDate', 'endDate')]
# One value per subject in each source (different sources may differ: `sextant conflicts`).
FUNCTIONAL = {'soldiers', 'nationalContingents', 'sentBy', 'charStart', 'charEnd', 'quote', 'statedIn',
              'textSha256', 'textLength', 'priceBefore', 'priceAfter', 'percentChange', 'deaths'}


LABELS = {'textSha256': 'text SHA-256', 'charStart': 'character start', 'charEnd': 'character end'}


def readable(name):
    """'MilitaryAlliance' -> 'military alliance', 'sentBy' -> 'sent by', 'CSTOx' keeps 'CSTO'."""
    if name in LABELS:
        return LABELS[name]
    words = re.findall(r'[A-Z]{2,}(?=[A-Z][a-z]|$|[0-9])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+', name)
    return ' '.join(w if w.isupper() and len(w) > 1 else w.lower() for w in words)


# ------------------------------------------------------------------ emit
lines = []
W = lines.append


def locate(quote):
    i = text.find(quote)
    if i < 0:
        sys.exit(f'quote not found: {quote!r}')
    if text.find(quote, i + 1) >= 0:
        sys.exit(f'quote not unique: {quote!r}')
    return i, i + len(quote)


def block(s, pairs, indent='  ', reifier=None):
    out = [f'{indent}{s}']
    ann = f' ~ {reifier}' if reifier else ''
    for k, (p, o) in enumerate(pairs):
        out.append(f'{indent}  {p} {term(o)}{ann}{" ." if k == len(pairs) - 1 else " ;"}')
    return '\n'.join(out) + '\n'


W('''# csto-kazakhstan.trig — the CSTO / Kazakhstan 2022 knowledge graph, curated by hand.
# GENERATED by build_trig.py from its fact table (edit the table there and re-run it, then
# ../tools/trig_stats.py --write counts.json); the offsets need the article text.
# Graphs: <http://sextant.local/graph/vocabulary> (RDFS of every class and predicate),
#         <http://sextant.local/source/sutanovac-2022-csto-kazakhstan> (facts, claims and evidence from the article),
#         one graph per background source (news reports of January 2022: bibliographic data and the facts they state),
#         <http://sextant.local/source/background-general-knowledge> (facts no cited source states: general knowledge).
# Provenance (RDF 1.2): every fact triple in the article graph carries one reifier, `s p o ~ kz:eNN`,
# the :Evidence node of the passage that states it (kz:eNN rdf:reifies <<( s p o )>>); the Evidence
# node holds the verbatim :quote and its :charStart/:charEnd (Unicode code points, 0-based, end
# exclusive) in the article text. See README.md.
VERSION "1.2"
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix : <http://sextant.local/> .
@prefix kz: <http://sextant.local/source/sutanovac-2022-csto-kazakhstan#> .
''')

# vocabulary graph: the classes and predicates of this dataset; those of the world dataset
# (WORLD_CLASSES, WORLD_PROPS) are defined once, in its vocabulary graph, which this one imports.
W(f'<{VOC}> {{')
W(block(f'<{VOC}>', [('a', 'owl:Ontology'), ('rdfs:label', 'Sextant CSTO / Kazakhstan vocabulary'),
                      ('owl:imports', f'<{WORLD_VOC}>'),
                      ('rdfs:comment', 'Classes and predicates of the CSTO / Kazakhstan 2022 dataset. Classes and predicates live in the namespace http://sextant.local/ like the entities; those the world dataset defines (countries, cities, regions, languages, organizations, sources, parts, memberships and dates) are defined there only.')]))
for c, sup, comment in CLASSES:
    label = readable(c)
    pairs = [('a', 'rdfs:Class'), ('rdfs:label', label), ('skos:prefLabel', label), ('rdfs:comment', comment)]
    if sup:
        pairs.append(('rdfs:subClassOf', ':' + sup))
    W(block(':' + c, pairs))
for p, dom, rng, comment in PROPS:
    label = readable(p)
    pairs = [('a', 'rdf:Property')]
    if p in FUNCTIONAL:
        pairs.append(('a', 'owl:FunctionalProperty'))
    pairs += [('rdfs:label', label), ('skos:prefLabel', label), ('rdfs:comment', comment)]
    if dom:
        pairs.append(('rdfs:domain', ':' + dom))
    if rng:
        pairs.append(('rdfs:range', rng if ':' in rng else ':' + rng))
    W(block(':' + p, pairs))
W('}\n')

# check vocabulary covers every predicate and class used
declared_p = {':' + p for p, *_ in PROPS + WORLD_PROPS} | {'a', 'rdfs:label', 'rdfs:comment', 'skos:altLabel', 'skos:exactMatch'}
declared_c = {':' + c for c, *_ in CLASSES + WORLD_CLASSES}
for quote, triples in P:
    for s, p, o in triples:
        if p not in declared_p:
            sys.exit(f'undeclared predicate {p}')
        if p == 'a' and o not in declared_c:
            sys.exit(f'undeclared class {o}')
for s, p, o in GENERAL + [t for src in SOURCES for t in src['facts']]:
    if p not in declared_p:
        sys.exit(f'undeclared predicate {p}')
    if p == 'a' and o not in declared_c:
        sys.exit(f'undeclared class {o}')

# article graph
W(f'<{SRC}> {{')
W(block(f'<{SRC}>', [
    ('a', ':Source'),
    ('rdfs:label', 'Šutanovac (2022): CSTO – all for one, one for itself – The Kazakhstan Case'),
    ('dct:title', 'CSTO – all for one, one for itself – The Kazakhstan Case'),
    ('dct:creator', 'Dragan Šutanovac'),
    (':author', ':DraganSutanovac'),
    ('dct:publisher', 'Council for Strategic Policy'),
    (':publisherOrg', ':CouncilForStrategicPolicy'),
    ('dct:date', Lit('2022-01', 'xsd:gYearMonth')),
    (':dateNote', 'The text carries no date; January 2022 follows from its content (the CSTO deployment in Kazakhstan, the Patriarch\'s Christmas address).'),
    ('dct:language', 'en'),
    ('dct:type', 'opinion article'),
    (':photoCredit', ':RussianDefenseMinistryPressService'),
    (':textLength', len(text)),
    (':textSha256', hashlib.sha256(raw).hexdigest()),
    (':offsetUnit', 'Unicode code points, 0-based; :charEnd is exclusive'),
]))
seen = set()
nfacts = 0
evid = []
for n, (quote, triples) in enumerate(P, 1):
    start, end = locate(quote)
    evid.append((start, n, quote, triples))
# passages numbered in article order
evid.sort()
fno = 0
for k, (start, n, quote, triples) in enumerate(evid, 1):
    end = start + len(quote)
    # facts
    for s, p, o in triples:
        key = (s, p, term(o))
        if key in seen:
            sys.exit(f'duplicate fact {key}')
        seen.add(key)
    eid = f'kz:e{k:02d}'
    W(block(eid, [('a', ':Evidence'), (':statedIn', f'<{SRC}>'), (':quote', quote), (':charStart', start),
                  (':charEnd', end)]))
    subjects = []
    for s, p, o in triples:
        if s not in subjects:
            subjects.append(s)
    # each fact with its reifier, the passage: `s p o ~ kz:eNN`
    for s in subjects:
        W(block(s, [(p, o) for (s2, p, o) in triples if s2 == s], reifier=eid))
    fno += len(triples)
W('}\n')



def graph(iri, meta, facts):
    """Writes one background graph: its metadata (subject: the graph IRI), then its facts."""
    W(f'<{iri}> {{')
    W(block(f'<{iri}>', meta))
    if len(set(facts)) != len(facts):
        sys.exit(f'duplicate fact in {iri}')
    subjects = []
    for s, p, o in facts:
        if s not in subjects:
            subjects.append(s)
    for s in subjects:
        W(block(s, [(p, o) for (s2, p, o) in facts if s2 == s]))
    W('}\n')


for src in SOURCES:
    meta = [('a', ':Source'),
            ('rdfs:label', f"{src['publisher']} ({src['date']}): {src['title']}"),
            ('dct:title', src['title']),
            ('dct:publisher', src['publisher'])]
    if 'creator' in src:
        meta.append(('dct:creator', src['creator']))
    meta += [('dct:date', D(src['date'])),
             ('dct:source', f"<{src['url']}>"),
             ('dct:language', 'en'),
             ('dct:type', 'news report'),
             ('rdfs:comment', src['comment'])]
    graph(NS + 'source/' + src['slug'], meta, src['facts'])

graph(BG, [
    ('a', ':Source'),
    ('rdfs:label', 'General knowledge (no cited source)'),
    ('dct:title', 'General knowledge of the dataset curators, without a cited source'),
    ('dct:creator', 'Sextant dataset curators'),
    ('dct:date', Lit('2026', 'xsd:gYear')),
    ('dct:type', 'general knowledge'),
    ('rdfs:comment', 'Facts the article does not state and no source graph of this dataset cites: dates of terms of office and of the Zhanaozen killings, the conflicts the article names without dates, the names of Astana, Crimea\'s annexation, the Patriarch\'s name, Russia as the CSTO\'s leading member, CGNPC\'s country, the Wikidata items (skos:exactMatch) of countries, organizations and people. Not checked against a cited source; a comment marks an identification as uncertain where it is.'),
], GENERAL)

open(OUT, 'w', encoding='utf-8').write('\n'.join(lines) + '\n')
print('evidence', len(P), 'facts', fno, 'background sources', len(SOURCES),
      'facts from them', sum(len(src['facts']) for src in SOURCES), 'general knowledge', len(GENERAL))
